"""Generate the HTTP status code reference from the YAML records in data/."""
