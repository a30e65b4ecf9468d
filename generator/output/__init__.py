"""Where generated files reach the disk, one writing command at a time."""
