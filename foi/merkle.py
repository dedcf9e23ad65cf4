"""The Merkle tree over every request's chain head that the portal publishes each day.

Standard library only, like the case file's verifier (which carries its own copy of
``verify_inclusion``; tests/foi/test_audit_roots.py checks that the two agree).

The tree is RFC 6962's (section 2.1), with SHA-256 and its domain separation:

* a leaf is ``SHA-256(0x00 || reference (UTF-8) || head (32 bytes))``; the head's fixed length
  at the end keeps the two apart;
* a node is ``SHA-256(0x01 || left || right)``;
* for n > 1 leaves the left subtree holds the largest power of two smaller than n; building the
  levels pairwise and carrying a lone last node up unchanged gives the same root;
* the empty tree's root is ``SHA-256()`` of nothing.

Leaves are ordered by reference (by code point, which is the order of their UTF-8 bytes).
"""

from __future__ import annotations

import hashlib

ALGORITHM = "rfc6962-sha256-ref-head/1"


def leaf_hash(reference: str, head: str) -> bytes:
    return hashlib.sha256(b"\x00" + reference.encode("utf-8") + bytes.fromhex(head)).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _levels(leaves: list[bytes]) -> list[list[bytes]]:
    levels = [list(leaves)]
    while len(levels[-1]) > 1:
        below = levels[-1]
        above = [node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)]
        if len(below) % 2:
            above.append(below[-1])
        levels.append(above)
    return levels


def tree_root(leaves: list[bytes]) -> str:
    """The root of the tree over these leaf hashes, in hex."""
    if not leaves:
        return hashlib.sha256(b"").hexdigest()
    return _levels(leaves)[-1][0].hex()


def inclusion_proof(leaves: list[bytes], index: int) -> tuple[list[str], str]:
    """The audit path of leaf ``index`` (RFC 6962 2.1.1), from the leaf up, in hex, and the
    tree's root (built once for both)."""
    if not 0 <= index < len(leaves):
        raise IndexError(index)
    levels = _levels(leaves)
    path = []
    for level in levels[:-1]:
        sibling = index ^ 1
        if sibling < len(level):
            path.append(level[sibling].hex())
        index //= 2
    return path, levels[-1][0].hex()


# A published root also keeps the nodes of its aligned blocks of this many leaves (a power of
# two): each is a node of the tree itself, so a proof needs one block's leaves and those nodes,
# not every leaf (foi.services.audit_roots.audit_proof).
CHUNK_LEAVES = 1024


def chunk_nodes(leaves: list[bytes], size: int) -> list[bytes]:
    """The node over each aligned block of ``size`` leaves (the last block may be shorter)."""
    if size < 1 or size & (size - 1):
        raise ValueError("a block holds a power of two of leaves")
    return [_levels(leaves[i : i + size])[-1][0] for i in range(0, len(leaves), size)]


def inclusion_proof_in_chunk(
    chunk: list[bytes], index: int, nodes: list[bytes], chunk_index: int
) -> tuple[list[str], str]:
    """The audit path of leaf ``index`` of block ``chunk_index`` (its leaves ``chunk``), given
    every block's node: the same path and root as ``inclusion_proof`` over all the leaves,
    because aligned blocks are subtrees of the tree (pairs above them pair the same way)."""
    inner, node = inclusion_proof(chunk, index)
    nodes = list(nodes)
    nodes[chunk_index] = bytes.fromhex(node)
    outer, root = inclusion_proof(nodes, chunk_index)
    return inner + outer, root


def verify_inclusion(leaf: bytes, index: int, size: int, path: list[str], root: str) -> bool:
    """RFC 9162 2.1.3.2: does ``path`` lead from leaf ``index`` of a tree of ``size`` leaves
    to ``root``?"""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for step in path:
        p = bytes.fromhex(step)
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r.hex() == root
