"""HTTP routes, one module per resource; `ROUTERS` is the explicit list `create_app` mounts."""

from __future__ import annotations

from saring.api.routes import check, lookup, meta, writes

ROUTERS = (meta.router, check.router, lookup.router, writes.router)

__all__ = ["ROUTERS"]
