/*
 * A command-line tool shipped in the same source tree as an extension (Brotli's c/tools/brotli.c):
 * everything it runs starts from main(), on one thread, and Python never calls it.
 */
// expect-no-findings
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int
open_input(const char *path, FILE **f)
{
    *f = fopen(path, "rb");
    if (*f == NULL) {
        fprintf(stderr, "failed to open input file [%s]: %s\n", path, strerror(errno));  // ok: mt-unsafe-libc-call
        return 0;
    }
    return 1;
}

static void
report(const char *path)
{
    time_t now = time(NULL);
    fprintf(stderr, "%s done at %s", path, ctime(&now));  // ok: mt-unsafe-libc-call
}

int
main(int argc, char **argv)
{
    FILE *f;
    if (argc < 2 || !open_input(argv[1], &f)) {
        return 1;
    }
    fclose(f);
    report(argv[1]);
    return 0;
}
