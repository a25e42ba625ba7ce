"""dlm-exact from Python: exact laws, and validation of masked-diffusion samplers against them.

The package drives the dlm-exact command line (a Java jar; see :class:`Cli` for how it is found).
:mod:`dlm_exact.torch` adds an oracle model for PyTorch samplers (it needs ``torch``).
"""

from ._cli import Cli, CommandUnavailable, DlmExactError, configure, default_cli
from .law import ConditionalTable, Info, Law, Quantity
from .trajectories import RecordingModel, TrajectoryRecorder
from .validate import (ImpossibleOutcome, Outcome, SampleValidation, TrajectoryValidation, Validation,
                       validate_samples, validate_trajectories)

__version__ = "0.1.0"

__all__ = ["Cli", "CommandUnavailable", "ConditionalTable", "DlmExactError", "ImpossibleOutcome", "Info", "Law",
           "Outcome", "Quantity", "RecordingModel", "SampleValidation", "TrajectoryRecorder", "TrajectoryValidation",
           "Validation", "configure", "default_cli", "validate_samples", "validate_trajectories"]
