"""Encryption at rest (issue 12, item 2): the store's key in the keyring, the one-time
recovery key, and the migration of a plain store, on open."""

from hcc_desktop.services.encryption.keys import (
    RECOVERY_ENV,
    StoreUnlock,
    UnlockAhead,
    connect_store,
    decode_recovery_key,
    encode_recovery_key,
    forget_store_key,
    load_store_key,
    unlock_store,
)

__all__ = [
    "RECOVERY_ENV",
    "StoreUnlock",
    "UnlockAhead",
    "connect_store",
    "decode_recovery_key",
    "encode_recovery_key",
    "forget_store_key",
    "load_store_key",
    "unlock_store",
]
