"""Input and output: reading texts, exports (JSON, CSV, GeoJSON, tables), maps and corpus runs."""
