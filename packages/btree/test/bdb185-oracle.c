/*
 * Test oracle for @mpy-ts/btree: drives the real Berkeley DB 1.85 library (Debian's libdb1-compat,
 * `libdb.so.2`, the same code MicroPython vendors) through its public `dbopen` interface.
 *
 * The library ships no header, so the few declarations below restate the documented dbopen(3) API.
 * Keys and values travel as lowercase hex ("-" for an empty string) so any byte string round-trips.
 *
 *   oracle dump FILE
 *       Walks the tree forward (R_FIRST, R_NEXT...) printing "F key value", then backward (R_LAST,
 *       R_PREV...) printing "B key value", then looks every forward key up with get() and prints
 *       "X key" for each lookup that does not return the walked value. Ends with "END count".
 *   oracle run FILE PAGESIZE CACHESIZE MINKEYPAGE LORDER FRESH
 *       Opens FILE (truncating it first when FRESH is 1) and runs the operations read from stdin, one per
 *       line, printing one result line for each, then closes it at EOF and prints "OK":
 *         P key value   put (replacing)              -> "ok"
 *         D key         delete                       -> "ok" | "missing"
 *         G key         get                          -> "= value" | "missing"
 *         S             sync                         -> "ok"
 *         C key         seq R_CURSOR (first >= key)  -> "kv key value" | "end" | "err ERRNO"
 *         F, L, N, R    seq R_FIRST, R_LAST, R_NEXT, R_PREV, the same results
 *   oracle bench FILE PAGESIZE CACHESIZE N
 *       Inserts N generated keys into a fresh FILE, then looks all of them up in another order, and
 *       prints "insert_ns T" and "lookup_ns T" (monotonic clock). Keys and values are generated exactly
 *       as the TypeScript bench generates them (see bench/workload.ts).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/types.h>

typedef struct { void *data; size_t size; } DBT;
typedef struct __db {
	int type;
	int (*close)(struct __db *);
	int (*del)(const struct __db *, const DBT *, unsigned int);
	int (*get)(const struct __db *, const DBT *, DBT *, unsigned int);
	int (*put)(const struct __db *, DBT *, const DBT *, unsigned int);
	int (*seq)(const struct __db *, DBT *, DBT *, unsigned int);
	int (*sync)(const struct __db *, unsigned int);
	void *internal;
	int (*fd)(const struct __db *);
} DB;
typedef struct {
	unsigned long flags;
	unsigned int cachesize;
	int maxkeypage;
	int minkeypage;
	unsigned int psize;
	int (*compare)(const DBT *, const DBT *);
	size_t (*prefix)(const DBT *, const DBT *);
	int lorder;
} BTREEINFO;
extern DB *dbopen(const char *, int, int, int, const void *);

#define DB_BTREE 0
#define R_FIRST 3
#define R_LAST 6
#define R_NEXT 7
#define R_PREV 9

static void die(const char *what) {
	printf("ERR %d %s\n", errno, what);
	exit(3);
}

static void put_hex(const DBT *d) {
	static const char digits[] = "0123456789abcdef";
	const unsigned char *p = d->data;
	if (d->size == 0) {
		putchar('-');
		return;
	}
	for (size_t i = 0; i < d->size; i++) {
		putchar(digits[p[i] >> 4]);
		putchar(digits[p[i] & 15]);
	}
}

static int nibble(int c) {
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	return -1;
}

/* Decodes the hex token at *pp (advancing past it and one separator) into a fresh buffer. */
static DBT take_hex(char **pp) {
	DBT d = { NULL, 0 };
	char *p = *pp, *start = p;
	while (*p && *p != ' ' && *p != '\n') p++;
	size_t len = (size_t)(p - start);
	if (*p) p++;
	*pp = p;
	if (len == 1 && start[0] == '-') {
		d.data = malloc(1);
		return d;
	}
	d.size = len / 2;
	d.data = malloc(d.size + 1);
	for (size_t i = 0; i < d.size; i++) {
		int hi = nibble(start[2 * i]), lo = nibble(start[2 * i + 1]);
		if (hi < 0 || lo < 0) {
			errno = EINVAL;
			die("bad hex");
		}
		((unsigned char *)d.data)[i] = (unsigned char)(hi << 4 | lo);
	}
	return d;
}

static DBT copy_dbt(const DBT *d) {
	DBT c;
	c.size = d->size;
	c.data = malloc(d->size + 1);
	memcpy(c.data, d->data, d->size);
	return c;
}

static int dump(const char *file) {
	DB *db = dbopen(file, O_RDONLY, 0, DB_BTREE, NULL);
	if (db == NULL) die("dbopen");
	size_t n = 0, cap = 1024;
	DBT *keys = malloc(cap * sizeof(DBT)), *vals = malloc(cap * sizeof(DBT));
	DBT k, v;
	int r;
	for (r = db->seq(db, &k, &v, R_FIRST); r == 0; r = db->seq(db, &k, &v, R_NEXT)) {
		printf("F ");
		put_hex(&k);
		putchar(' ');
		put_hex(&v);
		putchar('\n');
		if (n == cap) {
			cap *= 2;
			keys = realloc(keys, cap * sizeof(DBT));
			vals = realloc(vals, cap * sizeof(DBT));
		}
		keys[n] = copy_dbt(&k);
		vals[n] = copy_dbt(&v);
		n++;
	}
	if (r < 0) die("seq forward");
	for (r = db->seq(db, &k, &v, R_LAST); r == 0; r = db->seq(db, &k, &v, R_PREV)) {
		printf("B ");
		put_hex(&k);
		putchar(' ');
		put_hex(&v);
		putchar('\n');
	}
	if (r < 0) die("seq backward");
	for (size_t i = 0; i < n; i++) {
		r = db->get(db, &keys[i], &v, 0);
		if (r != 0 || v.size != vals[i].size || memcmp(v.data, vals[i].data, v.size) != 0) {
			printf("X ");
			put_hex(&keys[i]);
			putchar('\n');
		}
	}
	printf("END %zu\n", n);
	if (db->close(db) != 0) die("close");
	return 0;
}

static DB *open_rw(const char *file, char **argv, int fresh) {
	BTREEINFO info;
	memset(&info, 0, sizeof info);
	info.psize = (unsigned int)strtoul(argv[0], NULL, 10);
	info.cachesize = (unsigned int)strtoul(argv[1], NULL, 10);
	info.minkeypage = atoi(argv[2]);
	info.lorder = atoi(argv[3]);
	DB *db = dbopen(file, O_RDWR | O_CREAT | (fresh ? O_TRUNC : 0), 0644, DB_BTREE, &info);
	if (db == NULL) die("dbopen");
	return db;
}

static void print_seq(DB *db, DBT *k, unsigned int flag) {
	DBT v;
	int r = db->seq(db, k, &v, flag);
	if (r < 0) {
		printf("err %d\n", errno);
	} else if (r > 0) {
		printf("end\n");
	} else {
		printf("kv ");
		put_hex(k);
		putchar(' ');
		put_hex(&v);
		putchar('\n');
	}
}

static int run_ops(const char *file, char **argv) {
	DB *db = open_rw(file, argv, atoi(argv[4]));
	char *line = NULL;
	size_t linecap = 0;
	while (getline(&line, &linecap, stdin) > 0) {
		char *p = line + 2;
		DBT k = { NULL, 0 }, v;
		void *owned = NULL;
		int r;
		switch (line[0]) {
		case 'P':
			k = take_hex(&p);
			owned = k.data;
			v = take_hex(&p);
			if (db->put(db, &k, &v, 0) != 0) die("put");
			printf("ok\n");
			free(v.data);
			break;
		case 'D':
			k = take_hex(&p);
			owned = k.data;
			r = db->del(db, &k, 0);
			if (r < 0) die("del");
			printf(r == 0 ? "ok\n" : "missing\n");
			break;
		case 'G':
			k = take_hex(&p);
			owned = k.data;
			r = db->get(db, &k, &v, 0);
			if (r < 0) die("get");
			if (r > 0) {
				printf("missing\n");
			} else {
				printf("= ");
				put_hex(&v);
				putchar('\n');
			}
			break;
		case 'S':
			if (db->sync(db, 0) != 0) die("sync");
			printf("ok\n");
			break;
		case 'C':
			k = take_hex(&p);
			owned = k.data;
			print_seq(db, &k, 1);
			break;
		case 'F':
			print_seq(db, &k, R_FIRST);
			break;
		case 'L':
			print_seq(db, &k, R_LAST);
			break;
		case 'N':
			print_seq(db, &k, R_NEXT);
			break;
		case 'R':
			print_seq(db, &k, R_PREV);
			break;
		default:
			errno = EINVAL;
			die("bad op");
		}
		free(owned);
	}
	free(line);
	if (db->close(db) != 0) die("close");
	printf("OK\n");
	return 0;
}

/* The bench workload, mirrored in bench/workload.ts. */
static void bench_key(unsigned int i, char *buf) {
	sprintf(buf, "%08x", (unsigned int)(i * 2654435761u));
}

static long long now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int bench(const char *file, char **argv) {
	char *openargv[] = { argv[0], argv[1], "0", "1234" };
	unsigned int n = (unsigned int)strtoul(argv[2], NULL, 10);
	DB *db = open_rw(file, openargv, 1);
	char kb[32], vb[32];
	long long t0 = now_ns();
	for (unsigned int i = 0; i < n; i++) {
		bench_key(i, kb);
		sprintf(vb, "value-%u", i);
		DBT k = { kb, strlen(kb) }, v = { vb, strlen(vb) };
		if (db->put(db, &k, &v, 0) != 0) die("put");
	}
	if (db->sync(db, 0) != 0) die("sync");
	long long t1 = now_ns();
	unsigned long found = 0;
	for (unsigned int j = 0; j < n; j++) {
		unsigned int i = (unsigned int)(((unsigned long long)j * 7919u) % n);
		bench_key(i, kb);
		DBT k = { kb, strlen(kb) }, v;
		if (db->get(db, &k, &v, 0) == 0) found++;
	}
	long long t2 = now_ns();
	if (db->close(db) != 0) die("close");
	printf("insert_ns %lld\nlookup_ns %lld\nfound %lu\n", t1 - t0, t2 - t1, found);
	return 0;
}

int main(int argc, char **argv) {
	if (argc >= 3 && strcmp(argv[1], "dump") == 0) return dump(argv[2]);
	if (argc >= 8 && strcmp(argv[1], "run") == 0) return run_ops(argv[2], argv + 3);
	if (argc >= 6 && strcmp(argv[1], "bench") == 0) return bench(argv[2], argv + 3);
	fprintf(stderr, "usage: oracle dump FILE | run FILE PSIZE CACHE MINKEY LORDER FRESH | bench FILE PSIZE CACHE N\n");
	return 2;
}
