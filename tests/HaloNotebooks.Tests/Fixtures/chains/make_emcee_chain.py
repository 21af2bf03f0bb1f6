# Writes emcee_hdf_backend.h5 with emcee's own HDFBackend (emcee 3.1.4, h5py 3.7.0, Debian 12 python3-emcee),
# the fixture of HdfChainBackendTests.Read_OpensAChainWrittenByEmcee. Run: python3 make_emcee_chain.py
import emcee, numpy as np
np.random.seed(42)
backend = emcee.backends.HDFBackend("emcee_hdf_backend.h5")
backend.reset(10, 2)
sampler = emcee.EnsembleSampler(10, 2, lambda x: -0.5 * (x[0] ** 2 + 4 * x[1] ** 2), backend=backend)
sampler.run_mcmc(np.random.normal(scale=0.5, size=(10, 2)), 6)
chain, log_prob = backend.get_chain(), backend.get_log_prob()
print("chain[5, 3] =", repr(chain[5, 3, 0]), repr(chain[5, 3, 1]))
print("chain[0, 9] =", repr(chain[0, 9, 0]), repr(chain[0, 9, 1]))
print("log_prob[2, 7] =", repr(log_prob[2, 7]))
print("accepted =", backend.accepted.tolist())
print("flat discard=2 shape", backend.get_chain(discard=2, flat=True).shape)
