"""Records as they travel: the codec of a record line, its checks, and its rows."""
