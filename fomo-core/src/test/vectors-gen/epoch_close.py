#!/usr/bin/env python3
"""Generates fomo-core/src/test/resources/vectors/epoch-close.json: the epoch.close op.

An oracle independent of the SDK, written from FOMO-SPEC §3.3-3.4 and docs/vectors.md with Python
integers, fractions.Fraction and math.isqrt: budget = the schedule's amount + carried split dust;
usage gate; split by net revenue, floored, the remainder carried; per deployment three pools (global
FLOCK with alpha, FLOCK and MT incentives stake-gated with alphaIncentive), each paid by the integer
weight spend x factor x gm, floored, the dust carried, a pool nobody can receive returned. Random epochs
come from a seeded generator (the seed is written into the file's `source`); edge and error cases are
listed by hand below with the reasoning in their `note`.

    python3 fomo-core/src/test/vectors-gen/epoch_close.py --seed 1414 > fomo-core/src/test/resources/vectors/epoch-close.json
"""
import argparse
import json
import math
import random
from fractions import Fraction as F

FLOCK, USD, MT = 18, 6, 18
KINDS = ['GLOBAL_FLOCK', 'FLOCK_INCENTIVE', 'MT_INCENTIVE']


def units(text, d):
    neg = text.startswith('-')
    whole, _, frac = text.lstrip('-').partition('.')
    if len(frac.rstrip('0')) > d:
        raise ValueError('INVALID_ARGUMENT')
    v = int(whole or '0') * 10 ** d + int((frac + '0' * d)[:d] or '0')
    if neg and v:
        raise ValueError('INVALID_ARGUMENT')
    return v


def text(u, d):
    s = str(u).rjust(d + 1, '0')
    return s if d == 0 else s[:-d] + '.' + s[-d:]


def cumulative(schedule, t):
    """C(t) in FLOCK base units, floored: CONSTANT r*t; LINEAR_TO_ZERO r0*(2Dt - t^2)/(2D), then r0*D/2."""
    if schedule['type'] == 'CONSTANT':
        exact = F(schedule['ratePerSecond']) * t
    else:
        r0, dur = F(schedule['initialRatePerSecond']), schedule['duration']
        tt = min(t, dur)
        exact = r0 * (2 * dur * tt - tt * tt) / (2 * dur)
    return math.floor(exact * 10 ** FLOCK)


def factor(alpha, stake, total, k):
    """floor((alpha + (1 - alpha) * sqrt(stake / total)) * 10^k), exactly (alpha 0 to 1, any decimals)."""
    a = F(alpha)
    A = a * 10 ** k
    if stake == 0 or total == 0:
        return math.floor(A)
    X = ((1 - a) * 10 ** k) ** 2 * F(stake, total)  # the square of the root term

    def ok(n):  # n <= A + sqrt(X)
        return n - A <= 0 or (n - A) ** 2 <= X
    n = math.floor(A) + math.isqrt(math.floor(X))
    while not ok(n):
        n -= 1
    while ok(n + 1):
        n += 1
    return n


def gm_value(gm, g):
    """(1 + floor_scale((max - 1) * g / (g + h))) * 10^scale, an integer."""
    if gm is None:
        return 1
    mx, h, sc = F(gm['maxMultiplier']), F(gm['halfSaturation']), gm['scale']
    if mx == 1:
        return 1
    bonus = math.floor((mx - 1) * g / (g + h) * 10 ** sc)
    return 10 ** sc + bonus


def close(inp):
    k = inp.get('factorScale', 36)
    alpha = inp.get('alpha', '0.5')
    alpha_i = inp.get('alphaIncentive', '0.5')
    gm = inp.get('gm')
    if inp['from'] < 0 or inp['to'] <= inp['from']:
        raise ValueError('INVALID_ARGUMENT')
    scheduled = cumulative(inp['schedule'], inp['to']) - cumulative(inp['schedule'], inp['from'])
    carry = inp.get('carry', {})
    budget = scheduled + units(carry.get('global', '0'), FLOCK)
    carried = {}
    for dep, kinds in carry.get('pools', {}).items():
        for kind, amt in kinds.items():
            v = units(amt, MT if kind == 'MT_INCENTIVE' else FLOCK)
            if v:
                carried[(dep, kind)] = v
    deps = sorted(inp['deployments'], key=lambda d: d['id'])
    ids = [d['id'] for d in deps]
    if len(set(ids)) != len(ids):
        raise ValueError('INVALID_ARGUMENT')
    for d in deps:
        users = [u['id'] for u in d['users']]
        if len(set(users)) != len(users):
            raise ValueError('INVALID_ARGUMENT')
    # Split across deployments with paid usage, by net revenue.
    spend_sum = {d['id']: sum(units(u['spend'], USD) for u in d['users']) for d in deps}
    w = {d['id']: units(d['netRevenue'], USD) if spend_sum[d['id']] > 0 else 0 for d in deps}
    total_w = sum(w.values())
    if total_w == 0:
        share = {i: 0 for i in ids}
        split_dust, unassigned = 0, budget
    else:
        share = {i: budget * w[i] // total_w for i in ids}
        split_dust, unassigned = budget - sum(share.values()), 0
    pools, flock, mt_pay = {}, {}, {}
    returned_global = 0
    for d in deps:
        dep = d['id']
        us = [(u['id'], units(u['spend'], USD), units(u.get('stake', '0'), MT), F(u.get('gmFlock', '0')))
              for u in d['users']]
        for uid, *_ in us:
            flock.setdefault(uid, 0)
            mt_pay.setdefault(uid, {})[dep] = 0
        total_stake = sum(s for _, _, s, _ in us)
        fresh = {'GLOBAL_FLOCK': share[dep], 'FLOCK_INCENTIVE': units(d.get('flockIncentive', '0'), FLOCK),
                 'MT_INCENTIVE': units(d.get('mtIncentive', '0'), MT)}
        pools[dep] = {}
        for kind in KINDS:
            pool = fresh[kind] + carried.get((dep, kind), 0)
            weights = {}
            for uid, sp, st, g in us:
                if sp == 0 or (kind != 'GLOBAL_FLOCK' and st == 0):
                    weights[uid] = 0
                else:
                    a = alpha if kind == 'GLOBAL_FLOCK' else alpha_i
                    weights[uid] = sp * factor(a, st, total_stake, k) * gm_value(gm, g)
            total = sum(weights.values()) if spend_sum[dep] > 0 else 0
            paid = returned = 0
            if total == 0:
                returned = pool
            else:
                for uid, wt in weights.items():
                    p = pool * wt // total
                    paid += p
                    if kind == 'MT_INCENTIVE':
                        mt_pay[uid][dep] += p
                    else:
                        flock[uid] += p
            dust = pool - paid - returned
            dec = MT if kind == 'MT_INCENTIVE' else FLOCK
            pools[dep][kind] = {'fresh': text(fresh[kind], dec), 'carriedIn': text(carried.get((dep, kind), 0), dec),
                                'paid': text(paid, dec), 'dust': text(dust, dec), 'returned': text(returned, dec)}
            if kind == 'GLOBAL_FLOCK':
                returned_global += returned
    for dep in sorted({dp for dp, _ in carried} - set(ids)):
        pools[dep] = {}
        for kind in KINDS:
            c = carried.get((dep, kind), 0)
            dec = MT if kind == 'MT_INCENTIVE' else FLOCK
            pools[dep][kind] = {'fresh': text(0, dec), 'carriedIn': text(c, dec), 'paid': text(0, dec),
                                'dust': text(0, dec), 'returned': text(c, dec)}
            if kind == 'GLOBAL_FLOCK':
                returned_global += c
    payouts = {uid: {'FLOCK': text(flock[uid], FLOCK), 'MT': {dep: text(v, MT) for dep, v in mt_pay[uid].items()}}
               for uid in flock}
    return {'scheduled': text(scheduled, FLOCK), 'splitDust': text(split_dust, FLOCK),
            'unassigned': text(unassigned, FLOCK), 'returned': text(unassigned + returned_global, FLOCK),
            'payouts': payouts, 'pools': pools}


def vector(vid, inp, note=None):
    v = {'id': vid, 'op': 'epoch.close', 'input': inp}
    try:
        v['expect'] = close(inp)
    except ValueError as e:
        v['expectError'] = str(e)
    if note:
        v['note'] = note
    return v


USERS = ['alice', 'bob', 'carol', 'dave', 'zo\u00eb', '\u7528\u6237', 'e\U0001F600']


def amount(rng, d, zero=0.2, digits=9):
    if rng.random() < zero:
        return '0'
    return text(rng.randint(1, 10 ** rng.randint(1, digits + d)), d)


def random_epoch(rng):
    n_dep = rng.randint(1, 3)
    deps = []
    for i in range(n_dep):
        users = rng.sample(USERS, rng.randint(0, 4))
        deps.append({
            'id': 'm%d' % (i + 1),
            'netRevenue': amount(rng, USD, 0.15, 7),
            'flockIncentive': amount(rng, FLOCK, 0.4, 4),
            'mtIncentive': amount(rng, MT, 0.4, 4),
            'users': [dict({'id': u, 'spend': amount(rng, USD, 0.2, 5), 'stake': amount(rng, MT, 0.4, 6)},
                           **({'gmFlock': amount(rng, 6, 0.3, 5)} if rng.random() < 0.3 else {})) for u in users],
        })
    frm = rng.choice([0, 86400, rng.randint(0, 10 ** 7)])
    inp = {
        'schedule': {'type': 'CONSTANT', 'ratePerSecond': text(rng.randint(0, 10 ** 22), rng.randint(0, 24))}
        if rng.random() < 0.7 else
        {'type': 'LINEAR_TO_ZERO', 'initialRatePerSecond': text(rng.randint(1, 10 ** 20), 18),
         'duration': rng.randint(1, 10 ** 7)},
        'from': frm,
        'to': frm + rng.choice([1, 3600, 86400, 604800]),
        'alpha': rng.choice(['0', '0.25', '0.5', '0.9', '1']),
        'alphaIncentive': rng.choice(['0', '0.5', '0.75', '1']),
        'factorScale': rng.choice([0, 4, 18, 36, 36]),
        'deployments': deps,
    }
    if rng.random() < 0.3:
        inp['gm'] = {'maxMultiplier': rng.choice(['1', '1.5', '2', '3.01']), 'halfSaturation': rng.choice(['1', '1000']),
                     'scale': rng.choice([0, 6, 18])}
    if rng.random() < 0.6:
        pools = {}
        for dep in rng.sample(['m1', 'm2', 'm3', 'old'], rng.randint(1, 2)):
            pools[dep] = {k: text(rng.randint(1, 10 ** 6), 18) for k in rng.sample(KINDS, rng.randint(1, 3))}
        inp['carry'] = {'global': text(rng.randint(0, 10 ** 4), 18), 'pools': pools}
    return inp


def hand_cases():
    base = lambda **kw: dict({'schedule': {'type': 'CONSTANT', 'ratePerSecond': '1'}, 'from': 0, 'to': 100}, **kw)
    return [
        vector('H-two-users', base(deployments=[{'id': 'm1', 'netRevenue': '30', 'flockIncentive': '10',
                                                 'mtIncentive': '7', 'users': [
                                                     {'id': 'a', 'spend': '10', 'stake': '1'},
                                                     {'id': 'b', 'spend': '20'}]}],
                                   carry={'global': '0.5', 'pools': {'m1': {'GLOBAL_FLOCK': '0.000000000000000001',
                                                                            'MT_INCENTIVE': '2'}}}),
               'budget 100 + 0.5 carried; m1 alone takes it all. Global: a stakes everything, factor 0.5 + 0.5*1 = 1, '
               'weight 10*1; b no stake, factor 0.5, weight 20*0.5; equal weights: 100.500000000000000001 / 2 floored '
               '= 50.25 each, 1e-18 dust. Incentives: only a has stake: FLOCK 10 and MT 7 + 2 carried to a'),
        vector('H-usage-gate', base(deployments=[
            {'id': 'm1', 'netRevenue': '1', 'users': [{'id': 'a', 'spend': '1'}]},
            {'id': 'm2', 'netRevenue': '1000', 'flockIncentive': '5', 'users': [{'id': 'b', 'spend': '0', 'stake': '3'}]}],
            carry={'pools': {'m2': {'FLOCK_INCENTIVE': '1'}}}),
               'm2 has net revenue but no paid spend: it is gated out of the split (m1 takes the 100) and its pools, '
               'with the carried 1 FLOCK, are returned'),
        vector('H-no-usage-anywhere', base(deployments=[{'id': 'm1', 'netRevenue': '5', 'users': []}]),
               'no deployment passes the gate: the whole budget is unassigned and returned to the reserve'),
        vector('H-zero-revenue', base(deployments=[{'id': 'm1', 'netRevenue': '0', 'users': [{'id': 'a', 'spend': '2'}]}]),
               'paid usage but zero net revenue: the split weight is 0, so the budget is unassigned'),
        vector('H-split-dust', dict(base(deployments=[
            {'id': 'm1', 'netRevenue': '1', 'users': [{'id': 'a', 'spend': '1'}]},
            {'id': 'm2', 'netRevenue': '1', 'users': [{'id': 'a', 'spend': '1'}]},
            {'id': 'm3', 'netRevenue': '1', 'users': [{'id': 'a', 'spend': '1'}]}]),
            schedule={'type': 'CONSTANT', 'ratePerSecond': '0.000000000000000001'}),
               'budget 100 units split three ways: 33 units each, 1 unit of split dust carried to the next budget'),
        vector('H-absent-carry', base(deployments=[{'id': 'm1', 'netRevenue': '1', 'users': [{'id': 'a', 'spend': '1'}]}],
                                      carry={'pools': {'old': {'GLOBAL_FLOCK': '2', 'MT_INCENTIVE': '3'}}}),
               'dust carried for a deployment absent from the epoch goes back: returned 2 FLOCK to the reserve, 3 MT to its source'),
        vector('H-gm', base(gm={'maxMultiplier': '3', 'halfSaturation': '1', 'scale': 2},
                            deployments=[{'id': 'm1', 'netRevenue': '1', 'users': [
                                {'id': 'a', 'spend': '1', 'gmFlock': '1'}, {'id': 'b', 'spend': '1'}]}]),
               'alpha 0.5, no stake: factors 0.5; gm multiplier 1 + 2*1/(1+1) = 2 for a, 1 for b: a gets 2/3 of 100 floored'),
        vector('H-factor-scale-0', base(factorScale=0, deployments=[{'id': 'm1', 'netRevenue': '1', 'users': [
            {'id': 'a', 'spend': '1', 'stake': '1'}, {'id': 'b', 'spend': '1', 'stake': '3'}]}]),
               'factors floored to whole numbers: a 0.5 + 0.5*sqrt(1/4) = 0.75 -> 0, b 0.5 + 0.5*sqrt(3/4) = 0.93 -> 0: '
               'no positive weight, so even the global pool is returned'),
        vector('E-duplicate-user', base(deployments=[{'id': 'm1', 'netRevenue': '1', 'users': [
            {'id': 'a', 'spend': '1'}, {'id': 'a', 'spend': '2'}]}]), 'a (deployment, user) pair twice'),
        vector('E-duplicate-deployment', base(deployments=[{'id': 'm1', 'netRevenue': '1', 'users': []},
                                                          {'id': 'm1', 'netRevenue': '2', 'users': []}]),
               'a deployment twice'),
        vector('E-empty-range', dict(base(deployments=[]), to=0), 'to must be after from'),
        vector('E-spend-too-precise', base(deployments=[{'id': 'm1', 'netRevenue': '1', 'users': [
            {'id': 'a', 'spend': '0.0000001'}]}]), 'spend is USD at 6 decimals'),
    ] + [
        {'id': 'E-bad-deployment-id', 'op': 'epoch.close', 'input': base(deployments=[
            {'id': 'm 1', 'netRevenue': '1', 'users': []}]), 'expectError': 'INVALID_ARGUMENT',
         'note': 'a deployment id is 1 to 29 characters of A-Z a-z 0-9 . _ - starting with a letter or digit'},
        {'id': 'E-blank-user', 'op': 'epoch.close', 'input': base(deployments=[
            {'id': 'm1', 'netRevenue': '1', 'users': [{'id': ' ', 'spend': '1'}]}]), 'expectError': 'INVALID_ARGUMENT',
         'note': 'a user id must not be blank'},
        {'id': 'E-alpha', 'op': 'epoch.close', 'input': base(alpha='1.5', deployments=[]),
         'expectError': 'INVALID_ARGUMENT', 'note': 'alpha is 0 to 1'},
        {'id': 'E-negative-stake', 'op': 'epoch.close', 'input': base(deployments=[
            {'id': 'm1', 'netRevenue': '1', 'users': [{'id': 'a', 'spend': '1', 'stake': '-1'}]}]),
         'expectError': 'INVALID_ARGUMENT', 'note': 'amounts are never negative'},
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=40)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    doc = {
        'format': 'fomo-vectors/1',
        'suite': 'epoch-close',
        'source': ('generated by fomo-core/src/test/vectors-gen/epoch_close.py --seed %d --count %d: an oracle '
                   'independent of the SDK (Python integers, fractions and math.isqrt) of FOMO-SPEC.md 3.3-3.4 as '
                   'docs/vectors.md specifies epoch.close (usage gate, split by net revenue floored with the dust '
                   'carried, three pools per deployment paid by spend x factor x gm floored, dust carried, '
                   'unreceivable pools returned); R-* random epochs, H-* and E-* derived by hand (reasoning in '
                   'each note)') % (a.seed, a.count),
        'vectors': hand_cases() + [vector('R-%d' % i, random_epoch(rng)) for i in range(a.count)],
    }
    print(json.dumps(doc, indent=2))


if __name__ == '__main__':
    main()
