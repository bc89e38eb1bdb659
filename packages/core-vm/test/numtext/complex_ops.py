from _check import show
vals = [0j, 1j, -1j, 1 + 2j, -1.5 - 2.5j, complex(0.0, -0.0), complex(-0.0, 0.0), complex(1e300, 1e300), complex(float('inf'), 1),
        complex(float('nan'), 0), complex(0, float('nan')), 3 + 0j, complex(1e-320, 5)]
for v in vals:
    print(repr(v), str(v), v.real, v.imag, v.conjugate(), abs(v) if abs(v.real) < 1e200 else None, v == v, hash(v) if v == v else None, bool(v))
    for w in [1j, 2 + 3j, 2, 0.5]:
        print(' ', v + w, v - w, v * w, v / w, w / v if v else None)
for src in ['1j ** 2', '(1+2j) ** 0.5', '(1+2j) ** (3-1j)', '0j ** 0', '0j ** 1j', '0j ** -1', '2 ** 1j', '(-8) ** (1/3)', '(1+1j) ** 3',
            '(2+3j) ** 10', '(1+1j) ** -2', '1j / 0', '1 / 0j', 'complex("1+2j")', 'complex("(1+2j)")', 'complex(" 1.5-2e3J ")', 'complex("j")',
            'complex("-j")', 'complex("1")', 'complex("inf+nanj")', 'complex("1+2")', 'complex("1 + 2j")', 'complex("")', 'complex("1_0j")',
            'complex(1, 2)', 'complex(1j, 2j)', 'complex("1", 2)', 'complex(None)', 'complex(real=1, imag=2)', 'complex(1.5)', 'complex(True, False)',
            '(1+2j) == 1', '(1+0j) == 1', '1 + 0j == 1.0', '(1+2j) < (2+3j)', 'abs(3+4j)', 'abs(complex(1e308, 1e308))', 'int(1j)', 'float(1j)',
            'divmod(1j, 1)', '1j // 1', '1j % 1', '-(1+2j)', '+(1+2j)', 'complex.__add__(1j, 1)', '(1j).__rsub__(2)', 'repr(complex(-0.0, -0.0))',
            'repr(-0j)', 'repr(complex(0, -0.0))', 'format(1+2j)', 'format(1+2j, ".2f")', 'format(1.5-2j, "^20.3e")', 'format(1j, "g")',
            'format(complex(1,2), "")', '"%s %r" % (1j, 2+1j)', 'f"{3+4j:>12}"', 'complex(1e300 * 10, 0)', '1e300j * 1e300j']:
    show(src)
class C(complex):
    pass
c = C(1, 2)
print(type(c).__name__, c, c + 1, type(c + 1).__name__, complex(c), -c)
