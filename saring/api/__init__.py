"""The HTTP API and web page (`saring serve`): FastAPI app factory and its settings."""

from saring.api.app import create_app
from saring.api.settings import ApiSettings, api_settings_from_env

__all__ = ["ApiSettings", "api_settings_from_env", "create_app"]
