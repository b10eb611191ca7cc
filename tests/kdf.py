"""The Argon2id parameters of the test stores, and the keyfile's real floor."""

from __future__ import annotations

from tests.kdf_floor_site.sitecustomize import TEST_FLOOR
from workbench.store.keyfile import KdfParams

# The cheap Argon2id parameters of the test stores: the production ones (RFC 9106, about 0.15 s
# a derivation here) would be paid at every unlock of every test. The floor is lowered to exactly
# these for the session by ``_test_kdf_floor`` (tests/conftest.py); the tests whose subject is the
# KDF ask for ``production_kdf_floor``, and stores made without ``kdf=`` stay production.
TEST_KDF = KdfParams(
    iterations=TEST_FLOOR["FLOOR_ITERATIONS"],
    lanes=TEST_FLOOR["FLOOR_LANES"],
    memory_kib=TEST_FLOOR["FLOOR_MEMORY_KIB"],
)
PRODUCTION_FLOOR = {name: getattr(KdfParams, name) for name in TEST_FLOOR}

__all__ = ["PRODUCTION_FLOOR", "TEST_FLOOR", "TEST_KDF"]
