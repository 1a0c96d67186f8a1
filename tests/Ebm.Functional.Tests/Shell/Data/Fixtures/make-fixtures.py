# Writes the NumPy fixtures of the data and model-file tests (run from the repository root with NumPy installed).
import numpy as np
m = "tests/Ebm.Functional.Tests/Shell/ModelFiles/Fixtures/"
d = "tests/Ebm.Functional.Tests/Shell/Data/Fixtures/"
W = np.array([[0.5, -1.25], [2.0, 0.125], [-0.75, 1.5]])
b = np.array([0.1, -0.2, 0.3])
c = np.array([-0.5, 0.25])
np.savez(m + "rbm-savez.npz", W=W, b=b, c=c)
np.savez_compressed(m + "rbm-savez-compressed-float32.npz", W=W.astype(np.float32), b=b.astype(np.float32), c=c.astype(np.float32))
np.savez(m + "gbrbm-savez.npz", W=W, b=b, c=c, sigma=np.array([1.0, 0.5, 2.0]))
J = np.array([[0.0, 0.7, -0.3], [0.7, 0.0, 1.1], [-0.3, 1.1, 0.0]])
np.savez(m + "boltzmann-spin-savez.npz", W=J, b=np.array([0.2, 0.0, -0.4]), spin=True)
np.savez(m + "rbm-misspelt-savez.npz", W=W, b=b, c=c, sigmas=np.ones(3))
x = np.array([[0, 1, 1], [1, 0, 1], [1, 1, 0], [0, 0, 0]])
np.save(d + "binary-float32.npy", x.astype(np.float32))
np.save(d + "binary-bool.npy", x.astype(bool))
np.save(d + "binary-float64-big-endian.npy", x.astype('>f8'))
np.save(d + "real-float64-fortran.npy", np.asfortranarray(np.array([[0.5, 1.5, 2.5], [3.5, 4.5, 5.5]])))
imgs = np.arange(2 * 2 * 3, dtype=np.uint8).reshape(2, 2, 3) * 10
np.save(d + "images-uint8.npy", imgs)
np.savez(d + "two-arrays.npz", train=x.astype(np.float64), test=x[:2].astype(np.float64))
np.savez_compressed(d + "one-array-compressed.npz", x.astype(np.uint8))

np.save(d + "matrix-float64.npy", W)
