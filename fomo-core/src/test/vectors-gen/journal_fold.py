#!/usr/bin/env python3
"""Generates fomo-core/src/test/resources/vectors/journal-fold.json: journal.fold.

An oracle independent of the SDK: Python integers in base units and hashlib, from docs/journal.md
(the movement facts) and docs/vectors.md (the books hash: SHA-256 over UTF-8 lines "books/1", then
"balance.<account>|<symbol>=<amount>" for every non-zero balance by account (code point order) then
symbol, then "supply.<symbol>=<amount>" for every asset ever minted or burned, by symbol; amounts plain
at the asset's decimals). Random cases come from a seeded generator (the seed is written into the
file's `source`); edge and error cases are listed by hand with the reasoning in their `note`.

    python3 fomo-core/src/test/vectors-gen/journal_fold.py --seed 1212 > fomo-core/src/test/resources/vectors/journal-fold.json
"""
import argparse
import hashlib
import json
import random

ASSETS = {"FLOCK": 18, "USD": 6, "MT-qwen": 18, "WHOLE": 0}
ACCOUNTS = ["alice", "bob", "pool:qwen", "protocol:treasury", "ünïcödé", "\U00010000-sup", "\ue000-pua", "Zed"]


def text(u, d):
    s = str(u).rjust(d + 1, '0')
    return s if d == 0 else s[:-d] + '.' + s[-d:]


class Books:
    def __init__(self):
        self.bal = {}
        self.sup = {}

    def get(self, acct, sym):
        return self.bal.get(acct, {}).get(sym, 0)

    def give(self, acct, sym, u):
        self.bal.setdefault(acct, {})
        self.bal[acct][sym] = self.bal[acct].get(sym, 0) + u

    def take(self, acct, sym, u):
        if self.get(acct, sym) < u:
            raise ValueError('INVALID_STATE')
        self.bal[acct][sym] -= u

    def apply(self, f):
        t = f['fact']
        if t == 'minted':
            self.give(f['to'], f['asset'], f['_u'])
            self.sup[f['asset']] = self.sup.get(f['asset'], 0) + f['_u']
        elif t == 'burned':
            self.take(f['from'], f['asset'], f['_u'])
            self.sup[f['asset']] = self.sup.get(f['asset'], 0) - f['_u']
        elif t == 'moved':
            self.take(f['from'], f['asset'], f['_u'])
            self.give(f['to'], f['asset'], f['_u'])
        elif t == 'swapped':
            i, o = f['in'], f['out']
            if self.get(f['trader'], i['asset']) < i['_u'] or self.get(f['pool'], o['asset']) < o['_u']:
                raise ValueError('INVALID_STATE')
            self.take(f['trader'], i['asset'], i['_u'])
            self.give(f['pool'], i['asset'], i['_u'])
            self.take(f['pool'], o['asset'], o['_u'])
            self.give(f['trader'], o['asset'], o['_u'])

    def expect(self, accounts_mentioned):
        lines = ['books/1']
        for acct in sorted(self.bal):
            for sym in sorted(self.bal[acct]):
                u = self.bal[acct][sym]
                if u != 0:
                    lines.append('balance.%s|%s=%s' % (acct, sym, text(u, ASSETS[sym])))
        for sym in sorted(self.sup):
            lines.append('supply.%s=%s' % (sym, text(self.sup[sym], ASSETS[sym])))
        digest = hashlib.sha256(('\n'.join(lines) + '\n').encode('utf-8')).hexdigest()
        balances = {}
        for acct in accounts_mentioned:
            held = {s: text(u, ASSETS[s]) for s, u in sorted(self.bal.get(acct, {}).items()) if u != 0}
            if held:
                balances[acct] = held
        supplies = {s: text(self.sup.get(s, 0), d) for s, d in sorted(ASSETS.items())}
        return {'balances': balances, 'supplies': supplies, 'hash': digest}


def public(f):
    """The fact as the vector writes it: amounts as plain strings."""
    out = {k: v for k, v in f.items() if not k.startswith('_')}
    if '_u' in f:
        out['amount'] = text(f['_u'], ASSETS[f['asset']])
    for side in ('in', 'out'):
        if side in f:
            out[side] = {'asset': f[side]['asset'], 'amount': text(f[side]['_u'], ASSETS[f[side]['asset']])}
    return out


def mentioned(facts):
    seen = []
    for f in facts:
        for role in ('to', 'from', 'trader', 'pool'):
            if role in f and f[role] not in seen:
                seen.append(f[role])
    return seen


def vector(vid, facts, note=None):
    books = Books()
    v = {'id': vid, 'op': 'journal.fold', 'input': {'assets': ASSETS, 'facts': [public(f) for f in facts]}}
    try:
        for f in facts:
            books.apply(f)
        v['expect'] = books.expect(mentioned(facts))
    except ValueError as e:
        v['expectError'] = str(e)
    if note:
        v['note'] = note
    return v


def rand_amount(rng, sym, at_most=None):
    d = ASSETS[sym]
    top = 10 ** (d + rng.choice([0, 2, 6, 9]))
    if at_most is not None:
        top = min(top, at_most)
    return rng.randint(1, top) if top >= 1 else 0


def random_case(rng):
    books = Books()
    facts = []
    for _ in range(rng.randint(1, 12)):
        kind = rng.choice(['minted', 'minted', 'moved', 'moved', 'burned', 'swapped'])
        sym = rng.choice(list(ASSETS))
        holders = [(a, s) for a, m in books.bal.items() for s, u in m.items() if u > 0]
        if kind != 'minted' and not holders:
            kind = 'minted'
        if kind == 'minted':
            f = {'fact': 'minted', 'to': rng.choice(ACCOUNTS), 'asset': sym, '_u': rand_amount(rng, sym)}
        elif kind == 'moved':
            a, s = rng.choice(holders)
            f = {'fact': 'moved', 'from': a, 'to': rng.choice(ACCOUNTS), 'asset': s,
                 '_u': rng.randint(1, books.get(a, s))}
        elif kind == 'burned':
            a, s = rng.choice(holders)
            f = {'fact': 'burned', 'from': a, 'asset': s, '_u': rng.randint(1, books.get(a, s))}
        else:
            a, s = rng.choice(holders)
            pools = [(p, ps) for p, ps in holders if p != a]
            if not pools:
                f = {'fact': 'minted', 'to': rng.choice(ACCOUNTS), 'asset': sym, '_u': rand_amount(rng, sym)}
            else:
                p, ps = rng.choice(pools)
                f = {'fact': 'swapped', 'trader': a, 'pool': p,
                     'in': {'asset': s, '_u': rng.randint(1, books.get(a, s))},
                     'out': {'asset': ps, '_u': rng.randint(1, books.get(p, ps))}}
        books.apply(f)
        facts.append(f)
    return facts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=40)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    vectors = [vector('R-%03d' % i, random_case(rng)) for i in range(args.count)]
    m = lambda to, s, u: {'fact': 'minted', 'to': to, 'asset': s, '_u': u}
    vectors += [
        vector('H-empty', [], 'no facts: no balance, every supply zero; the hash of the line "books/1" alone'),
        vector('H-burn-all', [m('alice', 'WHOLE', 5), {'fact': 'burned', 'from': 'alice', 'asset': 'WHOLE', '_u': 5}],
               'a zero balance is left out of the hash and of balances, a supply that returned to zero stays '
               '("supply.WHOLE=0": the asset was booked)'),
        vector('H-codepoint-order', [m('\ue000-pua', 'FLOCK', 1), m('\U00010000-sup', 'FLOCK', 2)],
               'accounts are hashed in code point order: U+E000 before U+10000 (UTF-16 order would differ)'),
        vector('H-self-move', [m('bob', 'USD', 7), {'fact': 'moved', 'from': 'bob', 'to': 'bob', 'asset': 'USD', '_u': 7}],
               'a move to oneself changes nothing'),
        vector('E-overdraw', [m('alice', 'FLOCK', 10), {'fact': 'moved', 'from': 'alice', 'to': 'bob', 'asset': 'FLOCK', '_u': 11}],
               'a fact that takes more than the account holds: INVALID_STATE (a journal that says so is not the books)'),
        vector('E-swap-pool-short', [m('alice', 'FLOCK', 10), m('pool:qwen', 'MT-qwen', 3),
                                     {'fact': 'swapped', 'trader': 'alice', 'pool': 'pool:qwen',
                                      'in': {'asset': 'FLOCK', '_u': 10}, 'out': {'asset': 'MT-qwen', '_u': 4}}],
               'the pool must hold what it pays out, checked before anything moves: INVALID_STATE'),
    ]
    print(json.dumps({
        'format': 'fomo-vectors/1',
        'suite': 'journal-fold',
        'source': 'generated by fomo-core/src/test/vectors-gen/journal_fold.py --seed %d --count %d: an oracle '
                  'independent of the SDK (Python integers in base units, hashlib SHA-256 over the books lines of '
                  'docs/vectors.md); R-* random, H-* and E-* derived by hand (reasoning in each note)'
                  % (args.seed, args.count),
        'vectors': vectors}, indent=1, ensure_ascii=False))


if __name__ == '__main__':
    main()
