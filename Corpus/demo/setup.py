from setuptools import Extension, setup

setup(
    name="textstats",
    version="0.1.0",
    description="Fast word, line and character statistics",
    license="MIT",
    python_requires=">=3.13",
    ext_modules=[
        Extension(
            "textstats",
            sources=["textstats.c"],
        ),
    ],
)
