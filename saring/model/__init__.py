"""The hoax probability model: training, calibration, evaluation and inference.

Public names: `HoaxModel`, `load_default_model` (inference), `TrainConfig`, `train_default` (training).
Heavy libraries (scikit-learn, scipy) are imported only by training and evaluation.
"""

from saring.model.predict import HoaxModel, load_default_model

__all__ = ["HoaxModel", "load_default_model"]
