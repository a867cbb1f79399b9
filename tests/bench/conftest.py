"""Benchmarks print their figures: keep the per-object INFO logging out of the output."""

import logging

import pytest

QUIET_LOGGERS = ("django_tasks", "wagtail", "wagtail_localize")


@pytest.fixture(autouse=True)
def _quiet_logging():
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)
