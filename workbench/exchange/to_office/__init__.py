"""Team → office: the export, its merge at the office, conflicts, then the wipe."""
