from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmarks' seeder at scale (`seed_bench`); the scripts beside it measure."""

    name = "bench"
    verbose_name = "Benchmarks"
