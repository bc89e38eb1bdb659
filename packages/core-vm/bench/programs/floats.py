# float arithmetic: n-body style integration and a mandelbrot
def mandel(w, h, it):
    count = 0
    for y in range(h):
        ci = 2.0 * y / h - 1.0
        for x in range(w):
            cr = 3.0 * x / w - 2.0
            zr = zi = 0.0
            for i in range(it):
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
            else:
                count += 1
    return count

def integrate(steps):
    x, v, dt = 1.0, 0.0, 0.001
    for _ in range(steps):
        a = -x * 0.5 - v * 0.01
        v += a * dt
        x += v * dt
    return round(x, 6)

print(mandel(80, 60, 60), integrate(300000))
