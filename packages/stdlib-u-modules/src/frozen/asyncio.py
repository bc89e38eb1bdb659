# asyncio (also importable as uasyncio): MicroPython's asyncio API, written for mpy-ts.
#
# A single-threaded scheduler over coroutines. Tasks wait in one run queue ordered by wake-up time (ticks_ms
# keys compared with ticks_diff, ties in FIFO order); a task that yields is on no queue unless it put itself
# somewhere first (the run queue to sleep, an Event's or Lock's or Task's wait queue, or the I/O queue). Idle
# time is spent in uselect's poll on the streams tasks wait for, so the VM sleeps in the host and wakes
# for Ctrl-C and scheduled callbacks.
#
# Task.state: True while running; a _Queue of the tasks awaiting it; a callable for gather(); False once
# done and awaited; None once done and not (yet) awaited. Task.data: what the task waits on (for cancel
# forwarding), then the exception to throw into it, and finally its StopIteration or exception.

from time import ticks_ms as ticks, ticks_diff, ticks_add
import sys
import select

__version__ = (3, 0, 0)


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


class InvalidStateError(Exception):
    pass


_exc_context = {"message": "Task exception wasn't retrieved", "exception": None, "future": None}


# ---- the run queue and the wait queues -------------------------------------------------------------------

class _Queue:
    # A pairing heap of tasks keyed by ticks (compared with ticks_diff). The meld and pairing rules (a node
    # wins only with a strictly earlier key; the new node goes first among its new parent's children; pairs
    # are melded left to right) fix the order of tasks with equal keys, which programs can observe: it is
    # MicroPython's order. Nodes are the tasks themselves (fields ph_*); the last child of a node points to
    # its parent through ph_parent so a node can be removed without searching.

    def __init__(self):
        self.heap = None

    def peek(self):
        return self.heap

    def push(self, task, key=None):
        task.data = None
        task.ph_key = ticks() if key is None else key
        self.heap = _meld(task, self.heap)

    def pop(self):
        top = self.heap
        self.heap = _pairing(top.ph_child)
        top.ph_child = None
        return top

    def remove(self, task):
        self.heap = _delete(self.heap, task)


def _meld(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if ticks_diff(a.ph_key, b.ph_key) < 0:
        # a stays on top; b becomes its last child
        if a.ph_child is None:
            a.ph_child = b
        else:
            a.ph_last.ph_next = b
        a.ph_last = b
        b.ph_next = None
        b.ph_parent = a
        return a
    # b stays on top; a becomes its first child
    a.ph_next = b.ph_child
    b.ph_child = a
    if a.ph_next is None:
        b.ph_last = a
        a.ph_parent = b
    return b


def _pairing(child):
    heap = None
    while child is not None:
        first = child
        child = child.ph_next
        first.ph_next = None
        if child is not None:
            second = child
            child = child.ph_next
            second.ph_next = None
            first = _meld(first, second)
        heap = _meld(heap, first)
    return heap


def _delete(heap, node):
    if node is heap:
        child = heap.ph_child
        node.ph_child = None
        return _pairing(child)
    # the parent: follow the sibling chain to the last child, which knows it
    last = node
    while last.ph_next is not None:
        last = last.ph_next
    parent = last.ph_parent
    if node is parent.ph_child and node.ph_child is None:
        parent.ph_child = node.ph_next
        node.ph_next = None
        return heap
    if node is parent.ph_child:
        after = node.ph_next
        sub = _pairing(node.ph_child)
        node.ph_child = None
        node.ph_next = None
        parent.ph_child = sub
        repl = sub
    else:
        prev = parent.ph_child
        while prev.ph_next is not node:
            prev = prev.ph_next
        after = node.ph_next
        sub = _pairing(node.ph_child)
        node.ph_child = None
        node.ph_next = None
        if sub is None:
            repl = prev
        else:
            prev.ph_next = sub
            repl = sub
    repl.ph_next = after
    if after is None:
        repl.ph_parent = parent
        parent.ph_last = repl
    return heap


# Queues and the running task (module globals, as MicroPython's core).
_task_queue = None
_io_queue = None
cur_task = None
_stop_task = None


# ---- awaitables the scheduler understands ----------------------------------------------------------------

class _Yield:
    # `await _Yield(action)`: yield to the scheduler once (after `action` put the task somewhere), then return.

    def __init__(self):
        self.done = False

    def __await__(self):
        return self

    __iter__ = __await__

    def __next__(self):
        if self.done:
            raise StopIteration
        self.done = True
        return None


def _yield():
    return _Yield()


# ---- tasks -----------------------------------------------------------------------------------------------

class Task:
    def __init__(self, coro, globals=None):
        self.coro = coro
        self.data = None
        self.state = True
        self.ph_key = 0
        self.ph_child = None
        self.ph_last = None
        self.ph_next = None
        self.ph_parent = None

    def __repr__(self):
        return "<Task>"

    def __await__(self):
        if not self.state:
            # done: awaiting it retrieves the result
            self.state = False
        elif self.state is True:
            self.state = _Queue()
        elif type(self.state) is not _Queue:
            # being gathered
            raise RuntimeError("can't wait")
        return _TaskWait(self)

    __iter__ = __await__

    def done(self):
        return not self.state

    def cancel(self):
        if self.done():
            return False
        if self is cur_task:
            raise RuntimeError("can't cancel self")
        # a task waiting on another task: cancel the innermost one
        t = self
        while isinstance(t.data, Task):
            t = t.data
        if hasattr(t.data, "remove"):
            # waiting on an Event/Lock queue, the I/O queue or a gather: take it off and queue it
            t.data.remove(t)
            _task_queue.push(t)
        elif ticks_diff(t.ph_key, ticks()) > 0:
            # sleeping: bring it forward to now
            _task_queue.remove(t)
            _task_queue.push(t)
        t.data = CancelledError
        return True


class _TaskWait:
    # The iterator `await task` delegates to: parks the caller on the task's wait queue until it is done.

    def __init__(self, task):
        self.task = task

    def __iter__(self):
        return self

    def __next__(self):
        t = self.task
        if not t.state:
            # done: raising its StopIteration (or exception) ends the caller's await with the result
            raise t.data
        t.state.push(cur_task)
        cur_task.data = t
        return None


def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    t = Task(coro, globals())
    _task_queue.push(t)
    return t


def current_task():
    if cur_task is None:
        raise RuntimeError("no running event loop")
    return cur_task


# ---- sleeping --------------------------------------------------------------------------------------------

class _Sleep:
    def __init__(self, ms):
        self.ms = ms

    def __await__(self):
        return self

    __iter__ = __await__

    def __next__(self):
        if self.ms is None:
            raise StopIteration
        ms = self.ms
        self.ms = None
        _task_queue.push(cur_task, ticks_add(ticks(), ms))
        return None


def sleep_ms(t):
    # ticks_add raises OverflowError for a delay it cannot represent
    ticks_add(0, t)
    return _Sleep(max(0, t))


def sleep(t):
    return sleep_ms(int(t * 1000))


# ---- I/O -------------------------------------------------------------------------------------------------

class _IOQueue:
    # Tasks waiting for streams to become readable or writable, polled with uselect.

    def __init__(self):
        self.poller = select.poll()
        self.map = {}  # id(stream) -> [reader task, writer task, stream]

    def _enqueue(self, s, idx):
        if id(s) not in self.map:
            entry = [None, None, s]
            entry[idx] = cur_task
            self.map[id(s)] = entry
            self.poller.register(s, select.POLLIN if idx == 0 else select.POLLOUT)
        else:
            entry = self.map[id(s)]
            if entry[idx] is not None:
                raise RuntimeError("can't queue")
            entry[idx] = cur_task
            self.poller.modify(s, select.POLLIN | select.POLLOUT)
        cur_task.data = self

    def _dequeue(self, s):
        del self.map[id(s)]
        self.poller.unregister(s)

    def queue_read(self, s):
        self._enqueue(s, 0)
        return _yield()

    def queue_write(self, s):
        self._enqueue(s, 1)
        return _yield()

    def remove(self, task):
        while True:
            del_s = None
            for k in self.map:
                q0, q1, s = self.map[k]
                if q0 is task or q1 is task:
                    del_s = s
                    break
            if del_s is None:
                return
            self._dequeue(del_s)

    def wait_io_event(self, dt):
        # Wait up to dt ms (-1: until a stream is ready) and queue the tasks whose streams are ready.
        # uselect sleeps in the host, running scheduled callbacks and raising Ctrl-C as it waits.
        for s, ev in self.poller.ipoll(dt):
            entry = self.map[id(s)]
            if ev & ~select.POLLOUT and entry[0] is not None:
                # POLLIN or error
                _task_queue.push(entry[0])
                entry[0] = None
            if ev & ~select.POLLIN and entry[1] is not None:
                # POLLOUT or error
                _task_queue.push(entry[1])
                entry[1] = None
            if entry[0] is None and entry[1] is None:
                self._dequeue(s)
            elif entry[0] is None:
                self.poller.modify(s, select.POLLOUT)
            else:
                self.poller.modify(s, select.POLLIN)


# ---- the event loop --------------------------------------------------------------------------------------

def _promote_to_task(aw):
    return aw if isinstance(aw, Task) else create_task(aw)


def run_until_complete(main_task=None):
    global cur_task
    excs_all = (CancelledError, Exception)
    excs_stop = (CancelledError, StopIteration)
    while True:
        # wait until the head of the run queue is due
        dt = 1
        while dt > 0:
            dt = -1
            t = _task_queue.peek()
            if t is not None:
                dt = max(0, ticks_diff(t.ph_key, ticks()))
            elif not _io_queue.map:
                # nothing queued and no I/O to wait for
                cur_task = None
                if not main_task or not main_task.state:
                    return
                # the main task is unfinished: something outside (a scheduled callback) may still wake
                # a task, so keep polling
                dt = 3
            _io_queue.wait_io_event(dt)

        # run the next task until it yields (it has put itself on some queue) or ends
        t = _task_queue.pop()
        cur_task = t
        try:
            exc = t.data
            if not exc:
                t.coro.send(None)
            else:
                # a cancellation to deliver, or a finished task's unretrieved exception coming round again
                t.data = None
                t.coro.throw(exc)
        except excs_all as er:
            awaited = t is main_task
            if awaited:
                cur_task = None
                if not isinstance(er, StopIteration):
                    t.state = False
                    raise er
                if t.state is None:
                    t.state = False
            if t.state:
                # the task has just finished
                if t.state is True:
                    t.state = False if awaited else None
                elif callable(t.state):
                    # gather's completion callback
                    t.state(t, er)
                    t.state = False
                    awaited = True
                else:
                    # wake the tasks awaiting it
                    while t.state.peek():
                        _task_queue.push(t.state.pop())
                        awaited = True
                    t.state = False
                if not awaited and not isinstance(er, excs_stop):
                    # nobody awaits it: come round again to report the exception, unless someone
                    # awaits it first
                    _task_queue.push(t)
                t.data = er
            elif t.state is None:
                # a finished task whose exception nobody retrieved
                t.data = exc
                _exc_context["exception"] = exc
                _exc_context["future"] = t
                Loop.call_exception_handler(_exc_context)
            if t is main_task:
                return er.value


def run(coro):
    return run_until_complete(create_task(coro))


async def _stopper():
    pass


class Loop:
    _exc_handler = None

    def create_task(coro):
        return create_task(coro)

    def run_forever():
        global _stop_task
        _stop_task = Task(_stopper(), globals())
        run_until_complete(_stop_task)

    def run_until_complete(aw):
        return run_until_complete(_promote_to_task(aw))

    def stop():
        global _stop_task
        if _stop_task is not None:
            _task_queue.push(_stop_task)
            # the stop task only runs once
            _stop_task = None

    def close():
        pass

    def set_exception_handler(handler):
        Loop._exc_handler = handler

    def get_exception_handler():
        return Loop._exc_handler

    def default_exception_handler(loop, context):
        print(context["message"], file=sys.stderr)
        print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
        sys.print_exception(context["exception"], sys.stderr)

    def call_exception_handler(context):
        (Loop._exc_handler or Loop.default_exception_handler)(Loop, context)


# MicroPython's Loop is used as a class, never instantiated: make its functions plain functions
for _name in ("create_task", "run_forever", "run_until_complete", "stop", "close", "set_exception_handler",
              "get_exception_handler", "default_exception_handler", "call_exception_handler"):
    setattr(Loop, _name, staticmethod(getattr(Loop, _name)))
del _name


def get_event_loop(runq_len=0, waitq_len=0):
    return Loop


def current_loop():
    return Loop


def new_event_loop():
    global _task_queue, _io_queue, _stop_task
    _task_queue = _Queue()
    _io_queue = _IOQueue()
    _stop_task = None
    return Loop


new_event_loop()


# ---- Event, ThreadSafeFlag, Lock -------------------------------------------------------------------------

class Event:
    def __init__(self):
        self.state = False
        self.waiting = _Queue()

    def is_set(self):
        return self.state

    def set(self):
        # wake every waiting task (they run after those already queued)
        while self.waiting.peek():
            _task_queue.push(self.waiting.pop())
        self.state = True

    def clear(self):
        self.state = False

    async def wait(self):
        if not self.state:
            self.waiting.push(cur_task)
            cur_task.data = self.waiting
            await _yield()
        return True


class ThreadSafeFlag:
    # A flag that may be set from outside the scheduler (an IRQ, micropython.schedule): the waiting task sits
    # on the I/O queue and the flag reports readiness through the stream ioctl protocol.

    def __init__(self):
        self.state = 0

    def ioctl(self, req, flags):
        if req == 3:  # MP_STREAM_POLL
            return self.state * flags
        return -1

    def set(self):
        self.state = 1

    def clear(self):
        self.state = 0

    async def wait(self):
        if not self.state:
            await _io_queue.queue_read(self)
        self.state = 0


class Lock:
    def __init__(self):
        self.state = 0  # 0 unlocked, 1 locked, or the task it was handed to
        self.waiting = _Queue()

    def locked(self):
        return self.state == 1

    def release(self):
        if self.state != 1:
            raise RuntimeError("Lock not acquired")
        if self.waiting.peek():
            # hand the lock straight to the next waiter
            self.state = self.waiting.pop()
            _task_queue.push(self.state)
        else:
            self.state = 0

    async def acquire(self):
        if self.state != 0:
            self.waiting.push(cur_task)
            cur_task.data = self.waiting
            try:
                await _yield()
            except CancelledError as er:
                if self.state == cur_task:
                    # cancelled just after being handed the lock: pass it on
                    self.state = 1
                    self.release()
                raise er
        self.state = 1
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        return self.release()


# ---- wait_for, gather ------------------------------------------------------------------------------------

async def _run(waiter, aw):
    # wait_for's runner: awaits aw, then wakes the waiter (cancelling its sleep) with the outcome
    try:
        result = await aw
        status = True
    except BaseException as er:
        result = None
        status = er
    if waiter.data is None:
        # the waiter is still sleeping
        if waiter.cancel():
            # deliver the outcome inside the CancelledError; if the waiter is then cancelled from
            # outside, a plain CancelledError replaces this one
            waiter.data = CancelledError(status, result)


async def wait_for(aw, timeout, sleep=sleep):
    aw = _promote_to_task(aw)
    if timeout is None:
        return await aw
    runner_task = create_task(_run(cur_task, aw))
    try:
        await sleep(timeout)
    except CancelledError as er:
        status = er.args[0] if er.args else None
        if status is None:
            # cancelled from outside: cancel aw too
            runner_task.cancel()
            raise er
        elif status is True:
            # aw finished first
            return er.args[1]
        else:
            # aw raised
            raise status
    # timed out: cancel aw and wait for the runner to finish
    runner_task.cancel()
    await runner_task
    raise TimeoutError


def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout, sleep_ms)


class _Remove:
    # what a gathering task waits on: cancel() has nothing to remove it from
    @staticmethod
    def remove(t):
        pass


async def gather(*aws, return_exceptions=False):
    def done(t, er):
        # a gathered task finished with er (StopIteration or an exception)
        nonlocal state
        if gather_task.data is not _Remove:
            # the gather already woke (an earlier exception, or it was cancelled)
            return
        elif not return_exceptions and not isinstance(er, StopIteration):
            state = er
        else:
            state -= 1
            if state:
                return
        _task_queue.push(gather_task)

    ts = [_promote_to_task(aw) for aw in aws]
    # state: the number of tasks to wait for (negative: do not wait, a finished task already raised), or
    # the exception to raise
    state = 0
    for i in range(len(ts)):
        if ts[i].state is True:
            ts[i].state = done
            state += 1
        elif not ts[i].state:
            if not isinstance(ts[i].data, StopIteration):
                if not return_exceptions:
                    state = -len(ts)
        else:
            # already awaited by another task
            raise RuntimeError("can't gather")

    gather_task = cur_task
    cancel_all = False
    if state > 0:
        gather_task.data = _Remove
        try:
            await _yield()
        except CancelledError as er:
            cancel_all = True
            state = er

    for i in range(len(ts)):
        if ts[i].state is done:
            # still running: detach, and cancel it if the gather was cancelled
            ts[i].state = True
            if cancel_all:
                ts[i].cancel()
        elif isinstance(ts[i].data, StopIteration):
            ts[i] = ts[i].data.value
        else:
            if return_exceptions:
                ts[i] = ts[i].data
            elif isinstance(state, int):
                state = ts[i].data

    if state:
        raise state
    return ts


# ---- streams ---------------------------------------------------------------------------------------------

class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def close(self):
        pass

    async def wait_closed(self):
        self.s.close()

    async def read(self, n=-1):
        r = b""
        while True:
            await _io_queue.queue_read(self.s)
            r2 = self.s.read(n)
            if r2 is not None:
                if n >= 0:
                    return r2
                if not len(r2):
                    return r
                r += r2

    async def readinto(self, buf):
        await _io_queue.queue_read(self.s)
        return self.s.readinto(buf)

    async def readexactly(self, n):
        r = b""
        while n:
            await _io_queue.queue_read(self.s)
            r2 = self.s.read(n)
            if r2 is not None:
                if not len(r2):
                    raise EOFError
                r += r2
                n -= len(r2)
        return r

    async def readline(self):
        l = b""
        while True:
            await _io_queue.queue_read(self.s)
            l2 = self.s.readline()
            if l2 is None:
                continue
            l += l2
            if not l2 or l[-1] == 10:
                return l

    def write(self, buf):
        if not self.out_buf:
            # try to write straight away
            ret = self.s.write(buf)
            if ret == len(buf):
                return
            if ret is not None:
                buf = buf[ret:]
        self.out_buf += buf

    async def drain(self):
        if not self.out_buf:
            # yield so that a task writing in a loop lets others run
            return await sleep_ms(0)
        mv = memoryview(self.out_buf)
        off = 0
        while off < len(mv):
            await _io_queue.queue_write(self.s)
            ret = self.s.write(mv[off:])
            if ret is not None:
                off += ret
        self.out_buf = b""

    async def aclose(self):
        await self.wait_closed()

    async def awrite(self, buf, off=0, sz=-1):
        if off != 0 or sz != -1:
            buf = memoryview(buf)
            if sz == -1:
                sz = len(buf)
            buf = buf[off: off + sz]
        self.write(buf)
        await self.drain()

    async def awritestr(self, buf):
        await self.awrite(buf.encode())


StreamReader = Stream
StreamWriter = Stream


async def open_connection(host, port, ssl=None, server_hostname=None):
    try:
        import socket
    except ImportError:
        raise NotImplementedError("asyncio.open_connection needs the socket module")
    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    try:
        s.connect(ai[-1])
    except OSError as er:
        if er.errno != 115:  # EINPROGRESS
            raise er
    await _io_queue.queue_write(s)
    ss = Stream(s)
    return ss, ss


class Server:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        self.task.cancel()

    async def wait_closed(self):
        await self.task

    async def _serve(self, s, cb):
        while True:
            try:
                await _io_queue.queue_read(s)
            except CancelledError:
                s.close()
                return
            try:
                s2, addr = s.accept()
            except Exception:
                continue
            s2.setblocking(False)
            s2s = Stream(s2, {"peername": addr})
            create_task(cb(s2s, s2s))


async def start_server(cb, host, port, backlog=5, ssl=None):
    try:
        import socket
    except ImportError:
        raise NotImplementedError("asyncio.start_server needs the socket module")
    ai = socket.getaddrinfo(host, port)[0]
    s = socket.socket()
    s.setblocking(False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(ai[-1])
    s.listen(backlog)
    srv = Server()
    srv.task = create_task(srv._serve(s, cb))
    return srv
