"""The model lab: building and measuring the NLI model (training data, train, evaluate, export, unpack, the GPU
sweep) and the quality bench's scorers. The product never imports it; only the CLI's lab commands do."""
