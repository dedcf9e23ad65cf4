"""Forms of the citizen portal: they parse and check what a person typed; services decide."""
