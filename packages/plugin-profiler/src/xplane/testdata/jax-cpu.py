import jax, jax.numpy as jnp
@jax.jit
def step(w, x):
    h = jnp.tanh(x @ w)
    return w - 0.01 * (x.T @ h), jnp.mean(h)
w = jnp.ones((128, 128)) * 0.01
x = jnp.ones((64, 128))
w, l = step(w, x); l.block_until_ready()
with jax.profiler.trace('/tmp/jaxprof'):
    for i in range(5):
        with jax.profiler.StepTraceAnnotation('train', step_num=i):
            w, l = step(w, x)
            l.block_until_ready()
print('done')
