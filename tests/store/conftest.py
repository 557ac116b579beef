"""The ``store`` fixture: a Store on an empty database, once per backend."""

from __future__ import annotations

import pytest
from storehelp import backends, fresh_url

from arguments.store import Store


@pytest.fixture(params=backends())
def backend(request) -> str:
    return request.param


@pytest.fixture
def db_url(backend, tmp_path) -> str:
    return fresh_url(backend, tmp_path)


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.close()
