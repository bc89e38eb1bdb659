from _check import show
class P:
    x = 5
    def __init__(self):
        self.items = [10, 20, {'k': 'v'}]
    def __format__(self, spec):
        return 'P<' + spec + '>'
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'Pstr'
env = {'P': P, 'p': P()}
for src in ['"{} {}".format(1, 2)', '"{1} {0} {1}".format("a", "b")', '"{x}{y}".format(x=1, y=2)', '"{0[1]} {0[2][k]}".format([1, 2, {"k": 3}])',
            '"{p.x} {p.items[1]} {p.items[2][k]}".format(p=p)', '"{0.x}".format(p)', '"{!r} {!s} {!a}".format(p, p, "é")', '"{:>10}".format(p)',
            '"{0:{1}}".format(3.14159, ".2f")', '"{:{}{}}".format(42, ">", 6)', '"{:{w}.{p}f}".format(3.14159, w=10, p=3)', '"{0:{fill}^{w}}".format("x", fill="*", w=7)',
            '"{{}} {{{}}}".format(1)', '"{".format()', '"}".format()', '"{} {1}".format(1, 2)', '"{1} {}".format(1, 2)', '"{}".format()', '"{5}".format(1)',
            '"{x}".format(y=1)', '"{0.nope}".format(1)', '"{0[5]}".format([1])', '"{0[x]}".format({"x": 9})', '"{0[0]}".format("ab")', '"{:d}".format(1.5)',
            '"{:s}".format(1)', '"{:x}".format("a")', '"{!x}".format(1)', '"{!}".format(1)', '"{0!r:>8}".format("ab")', '"{a!r:^9}".format(a=1)',
            '"{:,}".format(1234567)', '"{:_}".format(1234567)', '"{:_x}".format(0xdeadbeef)', '"{:_b}".format(255)', '"{:,.2f}".format(1234567.891)',
            '"{:=+10}".format(42)', '"{:0=10}".format(-42)', '"{:010}".format(-42)', '"{:010,}".format(1234)', '"{:#x} {:#o} {:#b} {:#X}".format(255, 255, 255, 255)',
            '"{:c}".format(65)', '"{:5c}|".format(65)', '"{:<5c}|".format(65)', '"{:c}".format(-1)', '"{:+c}".format(65)', '"{:n}".format(1234567)',
            '"{:.3}".format("abcdef")', '"{:.0}".format("abc")', '"{:10.3}|".format("abcdef")', '"{:^10.3}|".format("abcdef")', '"{:=10}".format("a")',
            '"{:+}".format("a")', '"{:#}".format("a")', '"{:%}".format(0.25)', '"{:.1%}".format(0.12345)', '"{:e}".format(12345.678)', '"{:E}".format(0.000123)',
            '"{:g}".format(1e-5)', '"{:g}".format(123456789)', '"{:G}".format(1e20)', '"{:.0e}".format(12345)', '"{:#.0e}".format(12345)', '"{:#.0f}".format(3)',
            '"{:#g}".format(1.0)', '"{:#.3g}".format(1)', '"{:.3g}".format(1)', '"{:g}".format(0.0)', '"{:g}".format(-0.0)', '"{:+g}".format(0.0)',
            '"{: g}".format(1.5)', '"{:f}".format(float("inf"))', '"{:F}".format(float("nan"))', '"{:08.2f}".format(float("-inf"))', '"{:e}".format(float("nan"))',
            '"{:.2f}".format(2.675)', '"{:.2f}".format(0.125)', '"{:.2f}".format(0.375)', '"{:.1f}".format(0.05)', '"{:.0f}".format(0.5)', '"{:.0f}".format(1.5)',
            '"{:.0f}".format(2.5)', '"{:.20f}".format(0.1)', '"{:.60f}".format(1e-50)', '"{:.3f}".format(1e300)', '"{:f}".format(1e22)', '"{:.17g}".format(0.1)',
            '"{:.100g}".format(1/3)', '"{}".format(1e16)', '"{}".format(1.5e-7)', '"{:.10}".format(1/3)', '"{:.1}".format(0.05)', '"{:10}".format(1.5)',
            '"{:<10}|".format(1.5)', '"{:0<10}".format(1.5)', '"{:x<10}".format(-1.5)', '"{:.2}".format(1e100)', '"{:,}".format(1234567.5)',
            '"{:_.3e}".format(1234567.5)', '"{:,g}".format(1234567.5)', '"{:,.10g}".format(1234567.5)', '"{:,d}".format(-1234567)', '"{:,x}".format(1)',
            '"{:d}".format(True)', '"{}".format(True)', '"{:5}|".format(True)', '"{:f}".format(True)', '"{:}".format(None)', '"{:5}".format(None)',
            '"{:.3f}".format(10**20)', '"{:e}".format(10**400)', '"{:,}".format(10**30)', '"{:x}".format(-255)', '"{:#x}".format(-255)', '"{:+#x}".format(255)',
            '"{:-d}".format(-5)', '"{: d}".format(5)', '"{:^+9.2f}".format(3.14159)', '"{:$^+12,.2f}".format(-1234.5)', '"{:>+#015_.3e}".format(123456.789)',
            'format(12)', 'format(12, "")', 'format(12.5, "")', 'format("x", "^5")', 'format(p, "abc")', 'format(1, "z")', 'format(1.5, "d")', 'format([], "")',
            'format([], "x")', 'format(1, 5)', '"{0:{a}}".format(1, a="}")', '"{:{}}".format("a", "{")', '"{a[b]}".format(a={"b": 1})',
            '"{0[-1]}".format({"-1": 1})', '"{0.__class__.__name__}".format(1)', '"{}{}".format(*"ab")', '"{a}{b}".format(**{"a": 1, "b": 2})',
            '"{:.{}}".format(1.23456, 3)', '"{0:.{1}f} {0}".format(2.5, 2)', '"{:%Y}".format(1)', '"{:*^-+010.3f}".format(1)', '"{:,_}".format(1)',
            '"{:_,}".format(1)', '"{:.-1f}".format(1)', '"{:10000000000000000000}".format(1)', '"{:.10000000000000000000f}".format(1)',
            '"{0}{0}{0}".format("ab")', '"{!r}".format("é\\n")', '"{!a}".format("é\\n")', '"{:z}".format(1.0)', '"{:z.1f}".format(-0.01)']:
    show(src, env)
x, y, name = 42, 3.14159, 'world'
print(f'{x} {y:.2f} {name!r} {name:>10} {x:#x} {x:{5}} {y:{8}.{3}} {"nested"} {x + 1} {[1, 2][0]} {{lit}}')
print(f'{x=} {y = :.1f} {name=!s} {x!r:>5}')
w, p = 12, 4
print(f'{y:{w}.{p}f}|{name:^{w}}|{x:0{w}d}|{x:{"<"}{w}}|')
print(f'{"a" "b"}', f'{3.0:g}', f'{1e100:.3}', f'{-0.0}', f'{float("nan"):>6}', f'{10**20:,}', f'{"é":*^5}', f'{"😀":_<4}|')
