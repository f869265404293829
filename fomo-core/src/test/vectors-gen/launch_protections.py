#!/usr/bin/env python3
"""The launch-protections suite (FOMO-SPEC section 6): python3 launch_protections.py > launch-protections.json.
Python integers, fractions and decimal only, never the SDK. Deterministic: no random cases."""
from fractions import Fraction as F
from decimal import Decimal as D, getcontext, ROUND_CEILING
import math
getcontext().prec=700  # 2^(-t/h) reaches 1e-301: the digits must reach past it
E=10**18
def ceil(fr): return -((-fr.numerator)//fr.denominator)
def fmt(u, dec=18):
    s=str(u).rjust(dec+1,'0'); r=s[:-dec]+'.'+s[-dec:]; r=r.rstrip('0').rstrip('.'); return r
def phi_lin(t,Dw): return F(Dw-t,Dw) if t<Dw else F(0)
def phi_exp_dec(t,h,Dw):
    if t>=Dw: return D(0)
    return D(2)**(D(-t)/D(h))
def fee_gross_lin(G,base,start,t,Dw): return ceil(G*(base+(start-base)*phi_lin(t,Dw))/10000)
def fee_net_lin(N,base,start,t,Dw):
    r=(base+(start-base)*phi_lin(t,Dw))/F(10000); return ceil(N*r/(1-r))
def fee_gross_exp(G,base,start,t,h,Dw):
    v=D(G)*(D(base)+D(start-base)*phi_exp_dec(t,h,Dw))/D(10000)
    c=v.to_integral_value(rounding=ROUND_CEILING)
    # guard: must not be within 1e-60 of an integer unless exact
    return int(c), v
def fee_net_exp(N,base,start,t,h,Dw):
    r=(D(base)+D(start-base)*phi_exp_dec(t,h,Dw))/D(10000)
    v=D(N)*r/(1-r); return int(v.to_integral_value(rounding=ROUND_CEILING)), v
import json, sys
from fractions import Fraction as F
from decimal import Decimal as D, ROUND_CEILING, ROUND_DOWN

def fee_exp(G,base,start,t,h,Dw,mode='UP',net=False):
    r=(D(base)+D(start-base)*phi_exp_dec(t,h,Dw))/D(10000)
    v=D(G)*(r/(1-r) if net else r)
    # sanity: not too close to an integer unless exactly integer
    c=v.to_integral_value(rounding=ROUND_CEILING if mode=='UP' else ROUND_DOWN)
    frac=abs(v-v.to_integral_value())
    assert frac==0 or frac>D('1e-600'), v  # far above the error of 700 digits
    return int(c)
def fee_lin(G,base,start,t,Dw,mode='UP',net=False):
    r=(base+(start-base)*phi_lin(t,Dw))/F(10000)
    v=G*(r/(1-r) if net else r)
    return ceil(v) if mode=='UP' else v.numerator//v.denominator

LIN={"decay":"LINEAR","startFeeBps":5000,"windowSeconds":3600}
EXP={"decay":"EXPONENTIAL","startFeeBps":5000,"halfLifeSeconds":600,"windowSeconds":3600}
vs=[]
def fv(id_, amount, t, a, fee, on=None, rounding=None, decimals=None, feeBps=150, note=None):
    inp={"amount":amount,"feeBps":feeBps,"antiSniping":a,"elapsedSeconds":t}
    if on: inp["on"]=on
    if rounding: inp["rounding"]=rounding
    if decimals is not None: inp["decimals"]=decimals
    v={"id":id_,"op":"launch.fee","input":inp,"expect":{"fee":fee}}
    if note: v["note"]=note
    vs.append(v)
G=1000*E
for t in [0,1,1800,3599,3600,1000000000]:
    fv(f"F-lin-{t}","1000",t,LIN,fmt(fee_lin(G,150,5000,t,3600)),note="ceil(1000*(150*3600 + 4850*max(0,3600-t))/(10000*3600)) at 18 decimals" if t==1 else None)
fv("F-lin-net-1800","1000",1800,LIN,fmt(fee_lin(G,150,5000,1800,3600,net=True)),on="NET",note="2575 bps: ceil(1000*2575/(10000-2575))")
fv("F-lin-down-1","1000",1,LIN,fmt(fee_lin(G,150,5000,1,3600,mode='DOWN')),rounding="DOWN")
for t in [0,300,600,1000,3599,3600]:
    fv(f"F-exp-{t}","1000",t,EXP,fmt(fee_exp(G,150,5000,t,600,3600)),note="150 + 4850*2^(-t/600) bps; Python decimal at 700 digits" if t==300 else ("one half-life: exactly 2575 bps" if t==600 else None))
fv("F-exp-down-1000","1000",1000,EXP,fmt(fee_exp(G,150,5000,1000,600,3600,'DOWN')),rounding="DOWN")
fv("F-exp-net-1000","1000",1000,EXP,fmt(fee_exp(G,150,5000,1000,600,3600,net=True)),on="NET")
EXP2={"decay":"EXPONENTIAL","startFeeBps":5000,"halfLifeSeconds":2,"windowSeconds":2000}
fv("F-exp-tiny-up","1000",1999,EXP2,fmt(fee_exp(G,150,5000,1999,2,2000)),note="2^-999.5 is about 1e-301: the exact fee is just above 15, so UP gives one base unit more")
fv("F-exp-tiny-down","1000",1999,EXP2,fmt(fee_exp(G,150,5000,1999,2,2000,'DOWN')),rounding="DOWN")
fv("F-none","1000",0,{"decay":"NONE"},"15")
LIN6={"decay":"LINEAR","startFeeBps":9999,"windowSeconds":7}
fv("F-lin-6dec","1",3,LIN6,fmt(fee_lin(10**6,0,9999,3,7),6),feeBps=0,decimals=6,note="ceil(10^6 * 9999*4/7 / 10000) micro-units")
def err(id_, inp, code, note):
    vs.append({"id":id_,"op":"launch.fee","input":inp,"expectError":code,"note":note})
err("F-E-start-below-base",{"amount":"1000","feeBps":150,"antiSniping":{"decay":"LINEAR","startFeeBps":100,"windowSeconds":3600},"elapsedSeconds":0},"INVALID_ARGUMENT","the fee decays to the base fee, so it cannot start below it")
err("F-E-negative-time",{"amount":"1000","feeBps":150,"antiSniping":LIN,"elapsedSeconds":-1},"INVALID_ARGUMENT","elapsed seconds are not negative")
err("F-E-too-many-half-lives",{"amount":"1000","feeBps":150,"antiSniping":{"decay":"EXPONENTIAL","startFeeBps":5000,"halfLifeSeconds":1,"windowSeconds":1001},"elapsedSeconds":5},"INVALID_ARGUMENT","a window holds at most 1000 half-lives")
err("F-E-start-10000",{"amount":"1000","feeBps":150,"antiSniping":{"decay":"LINEAR","startFeeBps":10000,"windowSeconds":3600},"elapsedSeconds":5},"INVALID_ARGUMENT","a fee of 100% would leave nothing")
err("F-E-zero-window",{"amount":"1000","feeBps":150,"antiSniping":{"decay":"LINEAR","startFeeBps":500,"windowSeconds":0},"elapsedSeconds":5},"INVALID_ARGUMENT","the window is at least one second")
err("F-E-negative-amount",{"amount":"-1","feeBps":150,"antiSniping":LIN,"elapsedSeconds":5},"INVALID_ARGUMENT","amounts are not negative")

# ---- launch.run with protections. Curve S=400000, T=800000, p0=1: X0=Y0=800000 exactly.
class Curve:
    def __init__(s): s.X=800000*E; s.Y=800000*E
    def buy(s,q):
        out=s.Y*q//(s.X+q); s.X+=q; s.Y-=out; return out
def run(buys, feefn, creatorBps=0, cap=None):
    c=Curve(); plat=0; cre=0; raised=0; sold=0; bal={}; prin={}; results=[]
    for (t,who,gross) in buys:
        fee=feefn(gross,t); net=gross-fee
        if cap is not None and prin.get(who,0)+net>cap:
            results.append("LIMIT_EXCEEDED"); continue
        out=c.buy(net); cr=fee*creatorBps//10000
        cre+=cr; plat+=fee-cr; raised+=net; sold+=out
        prin[who]=prin.get(who,0)+net
        b=bal.setdefault(who,[0,0]); b[0]+=gross; b[1]+=out
        results.append("OK")
    return {"state":"FUNDRAISING","raised":fmt(raised),"sold":fmt(sold),"fees":{"platform":fmt(plat),"creator":fmt(cre)},
            "launchFee":"32768","returned":"0","refunded":"0","results":results,
            "balances":{k:{"FLOCK":fmt(v[0]),"MT":fmt(v[1])} for k,v in sorted(bal.items())}}
base={"minTarget":"90000","maxTarget":"800000","saleSupply":"400000","curve":{"type":"CPMM","startPrice":"1"}}
def rv(id_, params, actions, expect, note):
    vs.append({"id":id_,"op":"launch.run","input":{"params":params,"actions":actions},"expect":expect,"note":note})
buys=[(0,"alice",1000*E),(1800,"bob",1000*E),(3600,"carol",1000*E)]
p=dict(base); p["antiSniping"]=LIN; p["creatorFeeBps"]=2000
rv("R-AS-linear",p,[{"at":t,"actor":w,"action":"buy","amount":fmt(g)} for t,w,g in buys],
   run(buys,lambda g,t: fee_lin(g,150,5000,t,3600),2000),
   "linear anti-sniping 5000 -> 150 bps over 3600 s: fees 500, 257.5, 15 on 1000 gross each; creator 20% of each fee, rounded down; MT by floor(Y*q/(X+q)) on the virtual reserves")
buys2=[(300,"alice",1000*E),(1000,"bob",2000*E),(7200,"alice",500*E)]
p=dict(base); p["antiSniping"]=EXP
rv("R-AS-exponential",p,[{"at":t,"actor":w,"action":"buy","amount":fmt(g)} for t,w,g in buys2],
   run(buys2,lambda g,t: fee_exp(g,150,5000,t,600,3600)),
   "exponential anti-sniping 5000 bps, half-life 600 s, back to 150 bps at 3600 s; fees from Python decimal at 700 digits, rounded UP once")
buys3=[(3600,"alice",1000*E),(3700,"alice",20*E),(3800,"alice",15200000000000000000),(3900,"bob",2000*E),(4000,"bob",1015228426395939087)]
p=dict(base); p["walletCap"]="1000"
rv("R-CAP",p,[{"at":t,"actor":w,"action":"buy","amount":fmt(g)} for t,w,g in buys3],
   run(buys3,lambda g,t: ceil(F(g*150,10000)),cap=1000*E),
   "wallet cap 1000 FLOCK of principal (net): alice 985, then 19.7 more is refused, 14.972 more fits (999.972); bob's 1970 is refused, a smaller buy fits")
p=dict(base); p["walletCap"]="1000"; p["firstBuy"]="2000"
vs.append({"id":"R-CAP-first-buy","op":"launch.run","input":{"params":p,"actions":[]},"expectError":"LIMIT_EXCEEDED","note":"the issuer's first buy counts against the cap: net 1970 > 1000, nothing opens"})
p=dict(base); p["walletCap"]="0"
vs.append({"id":"R-CAP-zero","op":"launch.run","input":{"params":p,"actions":[]},"expectError":"INVALID_ARGUMENT","note":"a cap is positive FLOCK"})
p=dict(base); p["antiSniping"]={"decay":"LINEAR","startFeeBps":100,"windowSeconds":3600}
vs.append({"id":"R-AS-below-base","op":"launch.run","input":{"params":p,"actions":[]},"expectError":"INVALID_ARGUMENT","note":"startFeeBps below feeBps (150) is refused by the parameters"})
doc={"format":"fomo-vectors/1","suite":"launch-protections",
 "source":"derived: FOMO-SPEC.md section 6 (anti-sniping fee decaying over seconds, per-wallet cap) with the rules of docs/launch.md; every number computed with Python fractions (linear) and decimal at 700 digits (exponential, 2^(-t/h)), rounded once, never with the SDK; launch.run curve S=400000, T=800000, p0=1 gives exact virtual reserves 800000/800000",
 "vectors":vs}
print(json.dumps(doc,indent=2,ensure_ascii=False))
