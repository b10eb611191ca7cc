"""The suite passes on a loaded machine: nothing in it fails for being slow."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def test_property_tests_have_no_deadline_and_no_speed_health_check() -> None:
    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check
