# Independent reference for dev.backprop.data.Generators: run `python3 generators_reference.py > generators_reference.json`.
# Independent reference for the generators: SplitMix64 and the Playground / sklearn formulas in Python.
import math, json
M=(1<<64)-1
class Rng:
    def __init__(s,seed): s.state=seed&M; s.spare=None
    def next_long(s):
        s.state=(s.state+0x9E3779B97F4A7C15)&M; z=s.state
        z=((z^(z>>30))*0xBF58476D1CE4E5B9)&M
        z=((z^(z>>27))*0x94D049BB133111EB)&M
        return z^(z>>31)
    def next_double(s): return (s.next_long()>>11)*2.0**-53
    def uniform(s,lo,hi): return lo+(hi-lo)*s.next_double()
    def next_int(s,bound):
        m=(s.next_long()>>32)*bound; low=m&0xFFFFFFFF
        if low<bound:
            t=((1<<32)-bound)%bound
            while low<t:
                m=(s.next_long()>>32)*bound; low=m&0xFFFFFFFF
        return m>>32
    def gauss(s):
        if s.spare is not None:
            v=s.spare; s.spare=None; return v
        u1=s.next_double()
        while u1==0.0: u1=s.next_double()
        u2=s.next_double(); r=math.sqrt(-2.0*math.log(u1)); t=2.0*math.pi*u2
        s.spare=r*math.sin(t); return r*math.cos(t)
    def perm(s,n):
        p=list(range(n))
        for i in range(n-1,0,-1):
            j=s.next_int(i+1); p[i],p[j]=p[j],p[i]
        return p
def shuffled(pts,rng):
    p=rng.perm(len(pts)); return [pts[i] for i in p]
def circle(n,noise,seed):
    rng=Rng(seed); R=5; pts=[]
    for i in range(n):
        inside=i<n//2
        r=rng.uniform(0,R*0.5) if inside else rng.uniform(R*0.7,R)
        a=rng.uniform(0,2*math.pi); x=r*math.sin(a); y=r*math.cos(a)
        nx=x+rng.uniform(-R,R)*noise; ny=y+rng.uniform(-R,R)*noise
        pts.append((x*0.2,y*0.2,1 if math.sqrt(nx*nx+ny*ny)<R*0.5 else 0))
    return shuffled(pts,rng)
def spiral(n,noise,seed):
    rng=Rng(seed); pts=[]
    for arm in range(2):
        m=n//2 if arm==0 else n-n//2; sh=0 if arm==0 else math.pi
        for i in range(m):
            r=i/m*5; t=1.75*i/m*2*math.pi+sh
            x=r*math.sin(t)+rng.uniform(-1,1)*noise; y=r*math.cos(t)+rng.uniform(-1,1)*noise
            pts.append((x*0.2,y*0.2,1 if arm==0 else 0))
    return shuffled(pts,rng)
def gaussian(n,noise,seed):
    rng=Rng(seed); sd=math.sqrt(0.5+7*noise); pts=[]
    for i in range(n):
        pos=i<n//2; c=2 if pos else -2
        x=(c+sd*rng.gauss())*0.2; y=(c+sd*rng.gauss())*0.2
        pts.append((x,y,1 if pos else 0))
    return shuffled(pts,rng)
def moons(n,noise,seed):
    rng=Rng(seed); outer=n-n//2; inner=n//2; xs=[]; ys=[]
    for i in range(n):
        o=i<outer; j=i if o else i-outer; m=outer if o else inner
        t=0 if m==1 else math.pi*j/(m-1)
        xs+= [math.cos(t), math.sin(t)] if o else [1-math.cos(t), 0.5-math.sin(t)]
        ys.append(0 if o else 1)
    if noise>0:
        xs=[v+noise*rng.gauss() for v in xs]
    pts=[(xs[2*i],xs[2*i+1],ys[i]) for i in range(n)]
    return shuffled(pts,rng)
out={'circle':circle(9,0.1,42),'spiral':spiral(9,0.2,7),'gaussian':gaussian(9,0.1,3),'moons':moons(9,0.1,11)}
print(json.dumps(out))
