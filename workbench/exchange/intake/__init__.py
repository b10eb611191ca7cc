"""A package arriving: read in one pass; its sender, chain, anchors and scope checked."""
