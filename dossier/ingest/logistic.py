"""A learned logistic model as it ships: a bias, one weight per feature and the least
probability at which its answer is yes, read from a JSON file the training scripts in
benchmarks/ write. Scoring is a sum of weights, so ingest needs no learning library."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path


class Weights:
    def __init__(self, path: Path) -> None:
        self.path = path

    @cached_property
    def _model(self) -> tuple[float, dict[str, float], float]:
        model = json.loads(self.path.read_text("utf-8"))
        return float(model["bias"]), dict(model["weights"]), float(model["threshold"])

    def probability(self, features: Iterable[str]) -> float:
        """The probability of yes for something with these features."""
        bias, weights, _ = self._model
        score = bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))

    @property
    def threshold(self) -> float:
        """The least probability that counts as yes."""
        return self._model[2]
