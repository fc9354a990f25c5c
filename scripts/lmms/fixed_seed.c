/*
 * fixed_seed.c: an LD_PRELOAD shim that makes an LMMS render repeatable from process to process.
 *
 * LMMS 1.2 seeds the C library's generator from the clock and the process id at start-up:
 * `ltrace -e srand+time+getpid lmms --allowroot render ...` shows srand(getpid() + time(0)),
 * and the lmms binary imports srand, time, getpid and gettimeofday (`nm -D --undefined-only
 * /usr/bin/lmms`); and instruments and LADSPA plug-ins draw their noise from rand() (sfxr, OPL2,
 * organic, sid, vibedstrings, calf, caps, cmt ...; the same nm listing over
 * /usr/lib/x86_64-linux-gnu/lmms). sfxr and ZynAddSubFX call srand(time(NULL)) themselves.
 * With this library preloaded every srand() call uses one fixed seed and time() returns one
 * fixed instant, so two processes that make the same calls draw the same numbers.
 *
 * The seed is STEMCHECK_LMMS_SEED from the environment (default 1). gettimeofday and
 * clock_gettime are left alone: LMMS times its render loop with them.
 *
 *   gcc -shared -fPIC -O2 -o fixed_seed.so fixed_seed.c -ldl
 *   LD_PRELOAD=$PWD/fixed_seed.so lmms --allowroot render song.mmpz -f wav -a -x 1 -o mix.wav
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

/* The instant time() reports: 2020-01-01T00:00:00Z, any fixed value would do. */
#define FIXED_TIME ((time_t) 1577836800)

static unsigned int fixed_seed(void)
{
    const char *s = getenv("STEMCHECK_LMMS_SEED");
    return s != NULL ? (unsigned int) strtoul(s, NULL, 10) : 1u;
}

void srand(unsigned int seed)
{
    static void (*real_srand)(unsigned int) = NULL;
    (void) seed;
    if (real_srand == NULL) {
        real_srand = (void (*)(unsigned int)) dlsym(RTLD_NEXT, "srand");
    }
    real_srand(fixed_seed());
}

void srandom(unsigned int seed)
{
    static void (*real_srandom)(unsigned int) = NULL;
    (void) seed;
    if (real_srandom == NULL) {
        real_srandom = (void (*)(unsigned int)) dlsym(RTLD_NEXT, "srandom");
    }
    real_srandom(fixed_seed());
}

time_t time(time_t *out)
{
    if (out != NULL) {
        *out = FIXED_TIME;
    }
    return FIXED_TIME;
}
