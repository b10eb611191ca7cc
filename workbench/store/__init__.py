"""The encrypted store: a folder with a SQLCipher 4 database, a keyfile and encrypted blobs."""
