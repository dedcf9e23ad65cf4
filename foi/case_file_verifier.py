"""Verify the CaseEvent hash chain in events.jsonl (Python 3, standard library only).

    python3 verify.py events.jsonl [proof.json [ROOT]]

Each event's hash is sha256(previous hash + the event's canonical JSON); the first event's
previous hash is 64 zeros. An event shown by its hashes only ("withheld") keeps its place in the
chain: its link to the event before it is checked, its content cannot be. Prints OK and the
head hash, or BROKEN and the first event that does not hold (exit status 1).

Chain version 2 events also hash what they refer to (``"content"`` in their canonical JSON: the
SHA-256 of their message's text and of each file's bytes). When the case file's case.json sits
beside the audit folder, each such text and file in the case file is checked against them.

With proof.json (the portal's answer to GET /api/v1/requests/{reference}/audit-proof/?date=...)
it also checks that the chain, as it stood at the end of that day, is a leaf of the Merkle tree
whose root the portal published for the day (RFC 6962: leaf = sha256(0x00 + reference + head),
node = sha256(0x01 + left + right)), and that the root's record hashes to its chained hash.
Give ROOT, the tree root or chained hash you saw published yourself (the page /audit/roots/, its
feed, or a copy someone kept), to check the proof against it rather than trust the file.

This file is shipped as it is in every case file (audit/verify.py, by foi/exports.py): it must
import nothing but the standard library and run on its own.
"""

import hashlib
import json
import os
import sys

GENESIS = "0" * 64


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def verify_inclusion(leaf, index, size, path, root):
    """RFC 9162 2.1.3.2: does ``path`` lead from leaf ``index`` of ``size`` leaves to ``root``?"""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for step in path:
        p = bytes.fromhex(step)
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = _node(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = _node(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r.hex() == root


def root_record_hash(root):
    """The chained hash of a published root, from its fields (foi.models.audit_root)."""
    fields = {
        "date": root["date"],
        "cutoff": root["cutoff"],
        "last_event": root["last_event"],
        "algorithm": root["algorithm"],
        "tree_root": root["tree_root"],
        "leaves": root["leaves"],
        "prev": root["prev"],
    }
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return _sha256(text.encode("utf-8"))


def check_proof(proof, hashes, published=None):
    """None when the proof holds for a chain whose event hashes are ``hashes``, else what is
    wrong. ``published``: a tree root or chained hash the reader saw published."""
    try:
        reference, head, root = proof["reference"], proof["head"], proof["root"]
        index, size, path = proof["index"], proof["size"], proof["path"]
        leaf = hashlib.sha256(b"\x00" + reference.encode("utf-8") + bytes.fromhex(head))
        recorded = root_record_hash(root)
        tree_root = root["tree_root"]
    except (KeyError, TypeError, ValueError):
        return "the proof is not a proof"
    if head not in hashes:
        return "the proof's head is not an event of this chain"
    if leaf.hexdigest() != proof.get("leaf"):
        return "the proof's leaf is not the hash of its reference and head"
    if not verify_inclusion(leaf.digest(), index, size, path, tree_root):
        return "the proof's path does not lead to the root"
    if recorded != root.get("hash"):
        return "the root's record does not hash to its chained hash"
    if published and published not in (tree_root, recorded):
        return "the root is not the one you saw published"
    return None


def _case_files(events_path):
    """Message texts and files' paths from case.json beside the audit folder ({} if absent)."""
    folder = os.path.dirname(os.path.dirname(os.path.abspath(events_path)))
    try:
        with open(os.path.join(folder, "case.json"), encoding="utf-8") as handle:
            case = json.load(handle)
        texts, files = {}, {}
        for message in case.get("messages", []):
            texts[message["id"]] = message["text"]
            for attachment in message.get("attachments", []):
                key = attachment["file"].split("/")[-1].split("-")[1]
                files[key] = os.path.join(folder, attachment["file"])
        return texts, files
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None, None


def _content_problem(payload, texts, files):
    """What no longer matches between a version 2 event and the case file, and how many texts
    and files were checked."""
    content = payload.get("content") or {}
    checked = 0
    message = payload.get("message")
    if message in texts:
        if _sha256(texts[message].encode("utf-8")) != content.get("message"):
            return "its message's text differs", checked
        checked += 1
    for key, digest in sorted((content.get("files") or {}).items()):
        if key in files:
            try:
                with open(files[key], "rb") as handle:
                    actual = _sha256(handle.read())
            except OSError:
                return f"its file {key} cannot be read", checked
            if actual != digest:
                return f"its file {key} differs", checked
            checked += 1
    return None, checked


def main(path, proof_path=None, published=None):
    """None when the chain (and the proof, if given) holds (after printing OK), else what is
    wrong."""
    previous = GENESIS
    count = withheld = contents = 0
    hashes = set()
    texts, files = _case_files(path)
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
                payload = json.loads(canonical)
                if texts is not None and payload.get("chain", 1) >= 2:
                    problem, checked = _content_problem(payload, texts, files)
                    if problem:
                        return f"event {number}: {problem}"
                    contents += checked
            previous = own_hash
            hashes.add(own_hash)
            count += 1
    unchecked = f" ({withheld} withheld: their content not checked)" if withheld else ""
    checked = f"; {contents} texts and files match it" if contents else ""
    print(f"OK: {count} events{unchecked}, head {previous}{checked}")
    if proof_path:
        try:
            with open(proof_path, encoding="utf-8") as handle:
                proof = json.load(handle)
        except (OSError, ValueError):
            return "the proof cannot be read"
        problem = check_proof(proof, hashes, published)
        if problem:
            return problem
        root = proof["root"]
        print(
            f"OK: as {root['date']} ended, the chain's head was {proof['head']}, a leaf of the "
            f"published tree root {root['tree_root']} (chained hash {root['hash']})"
        )
    return None


if __name__ == "__main__":
    arguments = sys.argv[1:]
    problem = main(
        arguments[0] if arguments else "events.jsonl",
        arguments[1] if len(arguments) > 1 else None,
        arguments[2] if len(arguments) > 2 else None,
    )
    if problem:
        print("BROKEN: " + problem)
        sys.exit(1)
