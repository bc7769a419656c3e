"""Screen readers read a field's help text through aria-describedby: every id it names must be
on the page, or the help is silent."""

import re

import pytest

PAGINAS = [
    ("demo-consulent", "/intervisie/uren/"),
    ("demo-consulent", "/intervisie/eigen-casus/"),
    ("demo-consulent", "/interventieschema/voorstellen/nieuw/"),
    ("demo-consulent", "/mijn-leercyclus/"),
    ("demo-trainer", "/intervisie/koppels/nieuw/"),
]


@pytest.mark.parametrize(("rol", "pad"), PAGINAS)
def test_every_described_by_id_is_on_the_page(demo_module, client_als, rol, pad):
    html = client_als(rol).get(pad).content.decode()
    verwezen = {
        i for lijst in re.findall(r'aria-describedby="([^"]+)"', html) for i in lijst.split()
    }
    assert verwezen, f"{pad}: no field with a description (help text) to check"
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert verwezen <= set(ids), f"{pad}: aria-describedby names missing ids {verwezen - set(ids)}"
    dubbel = {i for i in verwezen if ids.count(i) > 1}
    assert not dubbel, f"{pad}: a description id is on the page twice: {dubbel}"
