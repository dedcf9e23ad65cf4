"""Verify the CaseEvent hash chain in events.jsonl (Python 3, standard library only).

    python3 verify.py events.jsonl

Each event's hash is sha256(previous hash + the event's canonical JSON); the first event's
previous hash is 64 zeros. An event shown by its hashes only ("withheld") keeps its place in the
chain: its link to the event before it is checked, its content cannot be. Prints OK and the
head hash, or BROKEN and the first event that does not hold (exit status 1).

This file is shipped as it is in every case file (audit/verify.py, by foi/exports.py): it must
import nothing but the standard library and run on its own.
"""

import hashlib
import json
import sys

GENESIS = "0" * 64


def main(path):
    """None when the chain holds (after printing OK), else what is wrong."""
    previous = GENESIS
    count = withheld = 0
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                event = json.loads(line)
                seq, prev_hash, own_hash = event["seq"], event["prev_hash"], event["hash"]
            except (ValueError, TypeError, KeyError):
                return f"line {number} is not an event"
            if seq != number:
                return f"event {number} is missing"
            if prev_hash != previous:
                return f"event {number} does not follow the previous one"
            if event.get("withheld"):
                withheld += 1
            else:
                canonical = event.get("canonical")
                if not isinstance(canonical, str):
                    return f"event {number} was altered"
                digest = hashlib.sha256((previous + canonical).encode("utf-8")).hexdigest()
                if digest != own_hash:
                    return f"event {number} was altered"
            previous = own_hash
            count += 1
    unchecked = f" ({withheld} withheld: their content not checked)" if withheld else ""
    print(f"OK: {count} events{unchecked}, head {previous}")
    return None


if __name__ == "__main__":
    problem = main(sys.argv[1] if len(sys.argv) > 1 else "events.jsonl")
    if problem:
        print("BROKEN: " + problem)
        sys.exit(1)
