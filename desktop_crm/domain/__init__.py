"""Domain services in plain Python: never imports Qt."""
