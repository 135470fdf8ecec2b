#!/usr/bin/env python3
"""PyTorch side of `npm run bench -- --vs-torch` (src/bench/torch.ts runs it).

The same workloads as the TypeScript bench, on PyTorch (Debian's python3-torch 1.13, like the
authors'), with the same sizes (--config, the JSON of src/bench/scale.ts):

- fig2, authors' form: a Dataset whose __getitem__ does what torchvision's CIFAR10 +
  ToTensor + Normalize do per image (HWC uint8 -> CHW float32 / 255, then (x - mean) / std),
  a DataLoader of batch 1000, a forward pass with a hook on every Linear collecting its output,
  then the unbiased variance of unit 0 per layer. One network per run.
- fig2, tuned form: the data normalised once into one float32 tensor, forward only under
  no_grad, unit 0 of every Linear kept, then its variance. `networks` networks per run.
- fig3-train: Adam (lr 1e-5, PyTorch defaults otherwise), batch 90, CrossEntropyLoss, in the
  authors' form (per-image DataLoader, shuffle) and tuned (pre-normalised tensor, random
  batches); plus one full test-set evaluation (authors': DataLoader of batch 1000; tuned:
  chunks of 1000 of the pre-normalised tensor).
- metainit: the authors' MetaInit (gradient quotient on a batch of 32 standard-normal inputs,
  sign-SGD on the weight matrices' norms, momentum 0.9, lr 0.1), timed per step and scaled to
  `stepsPerInit` (whole initialisations when steps == stepsPerInit).
- montecarlo: Proposition 3's cross-check: He-normal networks of width w and depth d with
  standard-normal inputs, sampled in batches of 4096 (bmm), per-layer moments accumulated.
- gemm: torch.mm of float32 m x k by k x n.

Prints one JSON object (--json) on stdout; progress on stderr.
"""
import argparse
import json
import math
import os
import resource
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset


def log(message):
    print(f"torch_bench: {message}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- data

def read_cifar(directory, seed=1):
    """(train_pixels [N, 3072] uint8 CHW, train_labels, test_pixels, test_labels, source)."""
    if directory:
        def read(names):
            raw = np.concatenate([np.fromfile(os.path.join(directory, n), dtype=np.uint8).reshape(-1, 3073) for n in names])
            return np.ascontiguousarray(raw[:, 1:]), raw[:, 0].astype(np.int64)
        train = read([f"data_batch_{i}.bin" for i in range(1, 6)])
        test = read(["test_batch.bin"])
        return train[0], train[1], test[0], test[1], directory
    rng = np.random.default_rng(seed)
    return (rng.integers(0, 256, (50000, 3072), dtype=np.uint8), rng.integers(0, 10, 50000),
            rng.integers(0, 256, (10000, 3072), dtype=np.uint8), rng.integers(0, 10, 10000), None)


class AuthorsCifar(Dataset):
    """torchvision.datasets.CIFAR10's storage (HWC uint8) with ToTensor + Normalize done per image."""

    def __init__(self, pixels, labels, mean, std):
        self.data = pixels.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)  # as torchvision keeps it
        self.targets = [int(t) for t in labels]
        self.mean = mean
        self.std = std

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        img, target = self.data[index], self.targets[index]
        # ToTensor: HWC uint8 -> CHW float32 in [0, 1]
        t = torch.from_numpy(np.array(img, np.uint8, copy=True)).view(32, 32, 3).permute(2, 0, 1).contiguous()
        t = t.to(dtype=torch.get_default_dtype()).div(255)
        # Normalize (torchvision.transforms.functional.normalize)
        mean = torch.as_tensor(self.mean, dtype=t.dtype)
        std = torch.as_tensor(self.std, dtype=t.dtype)
        t = t.sub_(mean[:, None, None]).div_(std[:, None, None])
        return t, target


def normalised(pixels, mean, std):
    """The tuned form: every image normalised once, [N, 3072] float32 (CHW order)."""
    x = pixels.reshape(-1, 3, 1024).astype(np.float32) / np.float32(255)
    x -= np.asarray(mean, np.float32)[None, :, None]
    x /= np.asarray(std, np.float32)[None, :, None]
    return torch.from_numpy(x.reshape(-1, 3072))


# ----------------------------------------------------------------------------- networks

def mlp(size, width, depth, classes=10):
    """The authors' fully connected ReLU network: Linear(size, w), depth-1 × Linear(w, w), Linear(w, classes)."""
    widths = [size] + [width] * depth + [classes]
    layers = [nn.Flatten()]
    for i in range(len(widths) - 1):
        if i > 0:
            layers.append(nn.ReLU())
        lin = nn.Linear(widths[i], widths[i + 1])
        nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
        nn.init.zeros_(lin.bias)
        layers.append(lin)
    return nn.Sequential(*layers)


def linears(model):
    return [m for m in model if isinstance(m, nn.Linear)]


# ----------------------------------------------------------------------------- measurements

def median(values):
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def fig2_authors(loader, size, width, depth):
    model = mlp(size, width, depth)
    model.eval()
    outputs = [[] for _ in linears(model)]
    hooks = [lin.register_forward_hook(lambda m, i, o, k=k: outputs[k].append(o.detach())) for k, lin in enumerate(linears(model))]
    with torch.no_grad():
        for x, _ in loader:
            model(x)
    for h in hooks:
        h.remove()
    return [torch.cat(o)[:, 0].var().item() for o in outputs]


def fig2_tuned(x, size, width, depth):
    model = mlp(size, width, depth)
    variances = []
    with torch.no_grad():
        h = x
        for m in model:
            if isinstance(m, nn.Flatten):
                continue
            h = m(h)
            if isinstance(m, nn.Linear):
                variances.append(h[:, 0].var())
    return [v.item() for v in variances]


def run_fig2(cfg, runs, data, mean, std, out):
    c = cfg["fig2"]
    count = min(c["images"], len(data[0]))
    pixels = data[0][:count]
    labels = data[1][:count]
    dataset = AuthorsCifar(pixels, labels, mean, std)
    loader = DataLoader(dataset, batch_size=1000, shuffle=False, num_workers=0)
    warm = DataLoader(AuthorsCifar(pixels[: min(count, 2000)], labels[: min(count, 2000)], mean, std), batch_size=1000)
    torch.manual_seed(1)
    fig2_authors(warm, 3072, c["width"], c["depth"])
    values = []
    for i in range(runs):
        t0 = time.perf_counter()
        fig2_authors(loader, 3072, c["width"], c["depth"])
        values.append(1 / (time.perf_counter() - t0))
        log(f"fig2 authors' loop run {i + 1}/{runs}: {values[-1]:.3g} networks/s")
    out.append(dict(id="torch.fig2.authors", workload="fig2", key="fig2", side="torch-authors",
                    label=f"authors' loop: per-image ToTensor/Normalize, DataLoader(1000), hooks on every Linear, {count} images, 1 network per run",
                    unit="networks/s", better="higher", values=values))
    x = normalised(pixels, mean, std)
    fig2_tuned(x[: min(count, 2000)], 3072, c["width"], c["depth"])
    # networks per run: up to `networks`, about 2 s a run (one network is ~1 s with reference BLAS)
    t0 = time.perf_counter()
    fig2_tuned(x, 3072, c["width"], c["depth"])
    per_run = max(1, min(c["networks"], round(2 / (time.perf_counter() - t0))))
    values = []
    for i in range(runs):
        t0 = time.perf_counter()
        for _ in range(per_run):
            fig2_tuned(x, 3072, c["width"], c["depth"])
        values.append(per_run / (time.perf_counter() - t0))
        log(f"fig2 tuned run {i + 1}/{runs}: {values[-1]:.3g} networks/s")
    out.append(dict(id="torch.fig2.tuned", workload="fig2", key="fig2", side="torch-tuned",
                    label=f"tuned: data normalised once, forward only (no_grad), unit 0 per Linear, {count} images, {per_run} networks per run",
                    unit="networks/s", better="higher", values=values))


def train_steps(model, batches, steps, loss_fn):
    opt = torch.optim.Adam(model.parameters(), lr=1e-5)
    # 2 warm-up steps, then the timed ones (as the TypeScript side)
    for _ in range(2):
        x, y = next(batches)
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()
    t0 = time.perf_counter()
    for _ in range(steps):
        x, y = next(batches)
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
    loss.item()
    return steps / (time.perf_counter() - t0)


def forever(loader):
    while True:
        for b in loader:
            yield b


def tuned_batches(x, y, batch, seed):
    g = torch.Generator().manual_seed(seed)
    while True:
        perm = torch.randperm(len(x), generator=g)
        for s in range(0, len(x), batch):
            idx = perm[s: s + batch]
            yield x[idx], y[idx]


def run_fig3(cfg, runs, data, mean, std, out, forms=("authors", "tuned"), suffix_extra="", evaluate=True):
    c = cfg["fig3"]
    batch = c["batch"]
    eval_count = min(c["evalCount"], len(data[2]))
    train_set = AuthorsCifar(data[0], data[1], mean, std)
    test_set = AuthorsCifar(data[2][:eval_count], data[3][:eval_count], mean, std)
    xt = normalised(data[0], mean, std)
    yt = torch.from_numpy(np.asarray(data[1], np.int64))
    xe = normalised(data[2][:eval_count], mean, std)
    loss_fn = nn.CrossEntropyLoss()
    for cf in c["configs"]:
        w, d, steps = cf["width"], cf["depth"], cf["steps"]
        key = f"fig3-train.w{w}d{d}"
        for form in forms:
            values = []
            model = None
            for i in range(runs):
                torch.manual_seed(1 + i)
                model = mlp(3072, w, d)
                if form == "authors":
                    loader = DataLoader(train_set, batch_size=batch, shuffle=True, num_workers=0)
                    batches = forever(loader)
                else:
                    batches = tuned_batches(xt, yt, batch, 1 + i)
                values.append(train_steps(model, batches, steps, loss_fn))
                log(f"fig3-train w{w} d{d} {form} run {i + 1}/{runs}: {values[-1]:.3g} steps/s")
            side = "torch-authors" if form == "authors" else "torch-tuned"
            suffix = ("" if form == "authors" else ".tuned") + suffix_extra
            how = "per-image DataLoader(batch 90, shuffle)" if form == "authors" else "pre-normalised tensor, random batches"
            out.append(dict(id=f"torch.{key}{suffix}", workload="fig3-train", key=key, side=side,
                            label=f"width {w} depth {d}, Adam batch {batch}, {how}, {steps} steps per run",
                            unit="steps/s", better="higher", values=values))
            if not evaluate:
                continue
            heavy = w * w * d >= 1e6
            eval_runs = 1 if heavy else runs
            secs = []
            model.eval()
            for i in range(eval_runs):
                t0 = time.perf_counter()
                correct = 0
                with torch.no_grad():
                    if form == "authors":
                        for x, y in DataLoader(test_set, batch_size=1000, shuffle=False):
                            correct += (model(x).argmax(1) == y).sum().item()
                    else:
                        for s in range(0, eval_count, 1000):
                            model(xe[s: s + 1000]).argmax(1)
                secs.append(time.perf_counter() - t0)
                log(f"fig3-train w{w} d{d} {form} evaluation {i + 1}/{eval_runs}: {secs[-1]:.3g} s")
            out.append(dict(id=f"torch.{key}.eval{suffix}", workload="fig3-train", key=f"fig3-eval.w{w}d{d}", side=side,
                            label=f"width {w} depth {d}: one evaluation of {eval_count} test images ({'DataLoader(1000)' if form == 'authors' else 'chunks of 1000'})",
                            unit="s", better="lower", values=secs, **({"note": "1 run"} if heavy else {})))


def gradient_quotient(loss, params, eps=1e-5):
    grad = torch.autograd.grad(loss, params, retain_graph=True, create_graph=True)
    prod = torch.autograd.grad(sum([(g ** 2).sum() / 2 for g in grad]), params, retain_graph=True, create_graph=True)
    out = sum([((g - p) / (g + eps * (2 * (g >= 0).float() - 1).detach()) - 1).abs().sum() for g, p in zip(grad, prod)])
    return out / sum([p.data.nelement() for p in params])


def metainit(model, criterion, x_size, y_size, lr=0.1, momentum=0.9, steps=500, eps=1e-5):
    """The authors' MetaInit (Dauphin & Schoenholz's reference code, on the CPU)."""
    model.eval()
    params = [p for p in model.parameters() if p.requires_grad and len(p.size()) >= 2]
    memory = [0] * len(params)
    for i in range(steps):
        input = torch.Tensor(*x_size).normal_(0, 1)
        target = torch.randint(0, y_size, (x_size[0],))
        loss = criterion(model(input), target)
        gq = gradient_quotient(loss, list(model.parameters()), eps)
        grad = torch.autograd.grad(gq, params)
        for j, (p, g_all) in enumerate(zip(params, grad)):
            norm = p.data.norm().item()
            g = torch.sign((p.data * g_all).sum() / norm)
            memory[j] = momentum * memory[j] - lr * g.item()
            new_norm = norm + memory[j]
            p.data.mul_(new_norm / norm)
    return gq.item()


def run_metainit(cfg, runs, out):
    c = cfg["metainit"]
    crit = nn.CrossEntropyLoss()
    x_size = (c["batch"], 3, 32, 32)
    torch.manual_seed(0)
    metainit(mlp(3072, c["width"], c["depth"]), crit, x_size, 10, steps=2)
    values = []
    for i in range(runs):
        torch.manual_seed(1 + i)
        model = mlp(3072, c["width"], c["depth"])
        t0 = time.perf_counter()
        metainit(model, crit, x_size, 10, steps=c["steps"])
        values.append((time.perf_counter() - t0) / c["steps"] * c["stepsPerInit"])
        log(f"metainit run {i + 1}/{runs}: {values[-1]:.3g} s per initialisation")
    whole = c["steps"] == c["stepsPerInit"]
    how = f"whole {c['steps']}-step initialisations" if whole else f"{c['steps']} steps per run, s/step × {c['stepsPerInit']}"
    out.append(dict(id="torch.metainit", workload="metainit", key="metainit", side="torch",
                    label=f"authors' MetaInit width {c['width']} depth {c['depth']} (CIFAR-10 shapes): {how}",
                    unit="s", better="lower", values=values))


def montecarlo_samples(width, depth, samples, chunk=4096):
    """He-normal networks (std sqrt(2/w)) on standard-normal inputs, φ = ReLU before every Linear; per-layer moments."""
    acc = [torch.zeros(3, dtype=torch.float64) for _ in range(depth + 1)]
    done = 0
    scale = math.sqrt(2.0 / width)
    while done < samples:
        n = min(chunk, samples - done)
        y = torch.randn(n, width)
        layers = [y]
        for _ in range(depth):
            w = torch.randn(n, width, width) * scale
            y = torch.bmm(w, torch.relu(y).unsqueeze(2)).squeeze(2)
            layers.append(y)
        for l, t in enumerate(layers):
            t2 = t.double() ** 2
            pair = (t2[:, 0] * t2[:, 1]).sum() if width > 1 else torch.zeros((), dtype=torch.float64)
            acc[l] += torch.stack([t2[:, 0].sum(), (t2[:, 0] ** 2).sum(), pair])
        done += n
    return [(a[0] / samples).item() for a in acc]


def run_montecarlo(cfg, runs, out):
    c = cfg["montecarlo"]
    torch.manual_seed(1)
    montecarlo_samples(c["width"], c["depth"], min(4096, c["samples"]))
    values = []
    for i in range(runs):
        t0 = time.perf_counter()
        montecarlo_samples(c["width"], c["depth"], c["samples"])
        values.append(c["samples"] / (time.perf_counter() - t0))
        log(f"montecarlo run {i + 1}/{runs}: {values[-1]:.4g} samples/s")
    out.append(dict(id="torch.montecarlo", workload="montecarlo", key="montecarlo", side="torch",
                    label=f"width {c['width']} depth {c['depth']}, {c['samples']} samples per run, batches of 4096 (bmm), moments only (no tests)",
                    unit="samples/s", better="higher", values=values))


def run_gemm(cfg, runs, out):
    c = cfg["gemm"]
    m, k, n, rep = c["m"], c["k"], c["n"], c["repeats"]
    a = torch.randn(m, k)
    b = torch.randn(k, n)
    torch.mm(a, b)
    values = []
    for i in range(runs):
        t0 = time.perf_counter()
        for _ in range(rep):
            torch.mm(a, b)
        values.append(2 * m * k * n * rep / (time.perf_counter() - t0) / 1e9)
        log(f"gemm run {i + 1}/{runs}: {values[-1]:.3g} GFLOP/s")
    out.append(dict(id="torch.gemm", workload="gemm", key="gemm", side="torch",
                    label=f"float32 {m}×{k} · {k}×{n} (torch.mm)", unit="GFLOP/s", better="higher", values=values))


def blas_note():
    """Which BLAS torch.mm goes through: Debian builds torch with BLAS_INFO=generic (libblas.so.3)."""
    info = next((part.split("=", 1)[1] for part in torch.__config__.show().replace(",", "\n").split() if part.startswith("BLAS_INFO=")), "?")
    lib = None
    for alt in ("/etc/alternatives/libblas.so.3-x86_64-linux-gnu", "/etc/alternatives/libblas.so.3-aarch64-linux-gnu"):
        if os.path.exists(alt):
            lib = os.path.realpath(alt)
    kind = "reference BLAS (slow, single-threaded)" if lib and "/blas/" in lib else ("OpenBLAS" if lib and "openblas" in lib else "unknown")
    return f"BLAS_INFO={info}; libblas.so.3 -> {lib} ({kind}); GEMM-bound timings depend on it"


def blas_info():
    """The BLAS torch.mm actually ran on (found in /proc/self/maps after a product), its kernel and
    threads (OpenBLAS: openblas_get_corename / openblas_get_config / openblas_get_num_threads, via
    ctypes) and the OPENBLAS_* environment as given (never changed here)."""
    import ctypes
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    library = None
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "/" in line}
        for pattern in ("openblas", "libblis", "mkl_rt", "libblas"):
            found = sorted(p for p in paths if pattern in os.path.basename(p))
            if found:
                library = found[0]
                break
    except OSError:
        pass
    info = dict(library=library, kernel=None, config=None, threads=None,
                env={k: v for k, v in sorted(os.environ.items()) if k.startswith("OPENBLAS_")})
    if library is not None:
        try:
            lib = ctypes.CDLL(library)
            if hasattr(lib, "openblas_get_corename"):
                lib.openblas_get_corename.restype = ctypes.c_char_p
                lib.openblas_get_config.restype = ctypes.c_char_p
                info.update(kernel=lib.openblas_get_corename().decode().strip(), config=lib.openblas_get_config().decode().strip(),
                            threads=int(lib.openblas_get_num_threads()))
        except OSError:
            pass
    return info


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print the JSON result on stdout")
    ap.add_argument("--only", default="fig2,gemm,fig3-train,metainit,montecarlo")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1,
                    help="torch.set_num_threads (default 1: OpenBLAS already threads its GEMMs; 2 OpenMP threads on top oversubscribe 2 cores)")
    ap.add_argument("--fig3-forms", default="authors,tuned", help="fig3-train forms to run")
    ap.add_argument("--id-suffix", default="", help="appended to the fig3-train ids (a grid process)")
    ap.add_argument("--no-eval", action="store_true", help="fig3-train: skip the test-set evaluations")
    ap.add_argument("--config", required=True, help="JSON of src/bench/scale.ts's BenchScale")
    ap.add_argument("--cifar", default=None, help="cifar-10-batches-bin folder (default: random uint8 data)")
    ap.add_argument("--mean", default="0.4914,0.4822,0.4465")
    ap.add_argument("--std", default="0.2023,0.1994,0.2010")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    cfg = json.loads(a.config)
    mean = tuple(float(v) for v in a.mean.split(","))
    std = tuple(float(v) for v in a.std.split(","))
    only = a.only.split(",")
    notes = [f"torch.set_num_threads({a.threads}); interop threads {torch.get_num_interop_threads()}; OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset (one per core)')}; CPU.", blas_note()]
    data = None
    notes.append("authors' form without PIL/torchvision: ToTensor/Normalize are done per image on the uint8 array as torchvision does, "
                 "but Image.fromarray is skipped, so this loop is if anything faster than the authors' own.")
    if "fig2" in only or "fig3-train" in only:
        data = read_cifar(a.cifar)
        if data[4] is None:
            notes.append("CIFAR-10 not given: random uint8 CIFAR-shaped data.")
    out = []
    if "fig2" in only:
        run_fig2(cfg, a.runs, data, mean, std, out)
    if "gemm" in only:
        run_gemm(cfg, a.runs, out)
    if "fig3-train" in only:
        run_fig3(cfg, a.runs, data, mean, std, out, tuple(a.fig3_forms.split(",")), a.id_suffix, not a.no_eval)
    if "metainit" in only:
        run_metainit(cfg, a.runs, out)
    if "montecarlo" in only:
        run_montecarlo(cfg, a.runs, out)
    result = dict(torch_version=torch.__version__, threads=torch.get_num_threads(), blas=blas_info(),
                  peak_rss_bytes=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  notes=notes, measurements=out)
    if a.json:
        print(json.dumps(result))
    else:
        for m in out:
            print(f"{m['id']}: median {median(m['values']):.4g} {m['unit']}")


if __name__ == "__main__":
    main()
