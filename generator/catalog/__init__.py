"""The catalog: its models, its YAML files read with their lines, loading and saving, and checking."""
