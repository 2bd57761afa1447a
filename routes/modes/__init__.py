"""Ways to travel: one module per mode, each turning a trip into route options."""
