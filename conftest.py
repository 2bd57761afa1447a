"""Pytest set-up shared by the tests and the doctests: no network.

pytest-socket blocks sockets for every test (``--disable-socket`` in ``pyproject.toml``);
tests that talk to a local fake server or a local Dask cluster say so with
``@pytest.mark.allow_hosts(["127.0.0.1"])``. pytest-socket leaves doctests alone, so they
are blocked here.
"""

from __future__ import annotations

import pytest
import pytest_socket


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Block sockets during a doctest."""
    if isinstance(item, pytest.DoctestItem):
        pytest_socket.disable_socket(allow_unix_socket=True)


def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Unblock them after it."""
    if isinstance(item, pytest.DoctestItem):
        pytest_socket.enable_socket()
