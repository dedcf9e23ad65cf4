"""A progress bar for long management commands (indexing, refreshing the statistics)."""

from __future__ import annotations


class ProgressBar:
    """``[#####.....]  5,000/10,000`` on one line of a terminal; every tenth elsewhere."""

    WIDTH = 30

    def __init__(self, total: int, stream, *, enabled: bool = True):
        self.total = max(total, 0)
        self.done = 0
        self.stream = stream
        self.enabled = enabled
        self.tty = stream.isatty()
        self.next_line = 0

    def advance(self, count: int) -> None:
        self.done += count
        if not self.enabled:
            return
        if self.tty:
            self.stream.write(self.render(), style_func=str, ending="")
        elif self.done >= self.next_line:
            self.stream.write(self.render().lstrip("\r"), style_func=str)
            self.next_line = self.done + max(1, self.total // 10)

    def render(self) -> str:
        shown = min(self.done, self.total) if self.total else self.done
        filled = int(self.WIDTH * shown / self.total) if self.total else self.WIDTH
        bar = "#" * filled + "." * (self.WIDTH - filled)
        return f"\r[{bar}] {self.done:,}/{self.total:,}"

    def finish(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("", style_func=str)
