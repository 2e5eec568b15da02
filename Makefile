# Convenience targets; each sets up what is missing first (scripts/setup.sh).
.PHONY: setup example test bench clean

setup:
	@scripts/setup.sh

example:
	scripts/example.sh

test:
	npm test

bench: setup
	npm run bench

clean:
	rm -rf out/*/ dist
