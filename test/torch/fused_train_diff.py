#!/usr/bin/env python3
"""PyTorch side of the fused engine's differential test (src/experiments/fused/torchDifferential.test.ts).

Reads DIR/spec.json (widths, Adam hyper-parameters, the batches as index lists) and raw
little-endian arrays written by the test: w{l}.f32 / b{l}.f32 (nn.Linear layout, l = 1..L),
train_x.f32, train_y.u8, test_x.f32, test_y.u8. Builds the authors' network (Linear, then
[ReLU, Linear] ..., REFERENCE-SETUP.md), loads the weights, and trains it exactly as the authors'
loop does: Adam(lr, betas, eps), nn.CrossEntropyLoss() on the logits, one step per batch
(zero_grad, loss.backward(), step). Then top-1 accuracy on the whole test set (torch.argmax).
Prints one JSON object: {"losses": [...], "correct": n, "count": n, "accuracy": x, "torch": version}.
Single-threaded (torch.set_num_threads(1)); float32 throughout.
"""
import json
import os
import sys

import numpy as np
import torch
from torch import nn


def main(directory):
    torch.set_num_threads(1)
    spec = json.load(open(os.path.join(directory, "spec.json")))
    widths = spec["widths"]
    read = lambda name, dtype: np.fromfile(os.path.join(directory, name), dtype=dtype)
    layers = []
    for l in range(1, len(widths)):
        if l > 1:
            layers.append(nn.ReLU())
        linear = nn.Linear(widths[l - 1], widths[l], bias=spec["biases"])
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(read(f"w{l}.f32", np.float32).reshape(widths[l], widths[l - 1])))
            if spec["biases"]:
                linear.bias.copy_(torch.from_numpy(read(f"b{l}.f32", np.float32)))
        layers.append(linear)
    model = nn.Sequential(*layers)
    train_x = torch.from_numpy(read("train_x.f32", np.float32).reshape(-1, widths[0]))
    train_y = torch.from_numpy(read("train_y.u8", np.uint8).astype(np.int64))
    test_x = torch.from_numpy(read("test_x.f32", np.float32).reshape(-1, widths[0]))
    test_y = torch.from_numpy(read("test_y.u8", np.uint8).astype(np.int64))
    optimizer = torch.optim.Adam(model.parameters(), lr=spec["learningRate"], betas=(spec["beta1"], spec["beta2"]), eps=spec["epsilon"])
    criterion = nn.CrossEntropyLoss()
    losses = []
    for batch in spec["batches"]:
        index = torch.tensor(batch, dtype=torch.int64)
        optimizer.zero_grad()
        loss = criterion(model(train_x[index]), train_y[index])
        loss.backward()
        losses.append(loss.item())
        optimizer.step()
    with torch.no_grad():
        predicted = torch.argmax(model(test_x), dim=1)
    correct = int((predicted == test_y).sum().item())
    print(json.dumps({"losses": losses, "correct": correct, "count": int(test_y.numel()), "accuracy": correct / test_y.numel(), "torch": torch.__version__}))


if __name__ == "__main__":
    main(sys.argv[1])
