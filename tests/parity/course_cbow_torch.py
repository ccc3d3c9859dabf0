#!/usr/bin/python3
"""The course's CBOW in PyTorch side by side with the project's C++ trainer.

    /usr/bin/python3 tests/parity/course_cbow_torch.py [path/to/playground_train]

PyTorch (Debian's python3-torch 1.13) builds the lesson's model (nn.Embedding(V, 50), the
mean of the 4 context embeddings, nn.Linear(50, V), nn.CrossEntropyLoss, Adam lr 0.01, batch
size 8, 50 epochs) on the vocabulary and pairs the C++ driver reports, initialised by
torch.manual_seed(seed) and shuffled each epoch with torch.randperm, as a DataLoader with
shuffle=True does. The same initial weights and the same 50 permutations go to the C++
driver; each epoch's summed batch loss must agree within 1e-4 relative, for several seeds.
Prints one JSON line per seed; exits 1 on any mismatch.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[2]
DRIVER = sys.argv[1] if len(sys.argv) > 1 else str(REPO / "build" / "native" / "playground_train")
TOLERANCE = 1e-4
DIM, EPOCHS, BATCH = 50, 50, 8


class CBOW(torch.nn.Module):
    def __init__(self, vocab_size, dim):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocab_size, dim)
        self.linear = torch.nn.Linear(dim, vocab_size)

    def forward(self, context):
        return self.linear(self.embedding(context).mean(dim=1))


def run_driver(*args):
    out = subprocess.run([DRIVER, "course-cbow", *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def compare(seed, described):
    torch.manual_seed(seed)
    vocab = described["vocabulary"]
    contexts = torch.tensor([p["context"] for p in described["pairs"]], dtype=torch.long)
    targets = torch.tensor([p["target"] for p in described["pairs"]], dtype=torch.long)
    model = CBOW(len(vocab), DIM)
    initial = torch.cat([model.embedding.weight.detach().flatten(), model.linear.weight.detach().flatten(),
                         model.linear.bias.detach().flatten()]).numpy().astype("<f4")
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    orders, losses = [], []
    for _ in range(EPOCHS):
        order = torch.randperm(len(targets))
        orders.append(order.tolist())
        total = 0.0
        for start in range(0, len(order), BATCH):
            idx = order[start:start + BATCH]
            optimizer.zero_grad()
            loss = loss_fn(model(contexts[idx]), targets[idx])
            loss.backward()
            optimizer.step()
            total += loss.item()
        losses.append(total)

    with tempfile.TemporaryDirectory() as tmp:
        weights = os.path.join(tmp, "weights.f32")
        order_file = os.path.join(tmp, "order.txt")
        initial.tofile(weights)
        with open(order_file, "w") as f:
            f.write("\n".join(" ".join(map(str, o)) for o in orders) + "\n")
        ours = run_driver("--weights", weights, "--order", order_file)

    worst = max(abs(a - b) / abs(b) for a, b in zip(ours["losses"], losses))
    final_torch = model.embedding.weight.detach().flatten().tolist()
    worst_weight = max(abs(a - b) for a, b in zip(ours["embedding"], final_torch))
    excellence = vocab.index("excellence")
    result = {
        "seed": seed, "epochs": len(ours["losses"]), "worst_relative_loss_difference": worst,
        "worst_final_embedding_difference": worst_weight,
        "first_loss": [ours["losses"][0], losses[0]], "last_loss": [ours["losses"][-1], losses[-1]],
        "excellence_first_5": [ours["embedding"][excellence * DIM:excellence * DIM + 5],
                               final_torch[excellence * DIM:excellence * DIM + 5]],
    }
    print(json.dumps(result))
    return len(ours["losses"]) == EPOCHS and worst <= TOLERANCE


def main():
    if not os.path.exists(DRIVER):
        sys.exit(f"{DRIVER} is missing: cmake --build build/native --target playground_train")
    described = run_driver("--describe")
    ok = all([compare(seed, described) for seed in (0, 1, 2)])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
