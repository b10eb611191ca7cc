"""The sealed file: the age envelope, our framing, the signed manifest, the blobs."""
