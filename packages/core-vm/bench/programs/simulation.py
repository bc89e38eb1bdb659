# a small class-heavy simulation: accounts, inheritance, properties, super()
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        self._balance += amount
        self.history.append(('d', amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise ValueError('insufficient funds')
        self._balance -= amount
        self.history.append(('w', amount))
    def __repr__(self):
        return 'Account(%s, %d)' % (self.owner, self._balance)

class Savings(Account):
    def __init__(self, owner, balance=0, rate=2):
        super().__init__(owner, balance)
        self.rate = rate
    def accrue(self):
        self.deposit(self.balance * self.rate // 100)

class Bank:
    def __init__(self, n):
        self.accounts = [Savings('o%d' % i, 100 + i) if i % 2 else Account('o%d' % i, 100 + i) for i in range(n)]
    def step(self, t):
        for i, a in enumerate(self.accounts):
            a.deposit((t * 7 + i) % 13)
            try:
                a.withdraw((t * 3 + i) % 29)
            except ValueError:
                pass
            if isinstance(a, Savings) and t % 10 == 0:
                a.accrue()
    def total(self):
        return sum(a.balance for a in self.accounts)

b = Bank(200)
for t in range(300):
    b.step(t)
print(b.total(), b.accounts[3], len(b.accounts[7].history))
