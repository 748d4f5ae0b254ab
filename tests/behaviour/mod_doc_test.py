# module docstring, names and attributes of a compiled module
import mod_doc


print(repr(mod_doc.__doc__))
print(mod_doc.__name__)
print(mod_doc.documented.__name__, mod_doc.plain.__name__)
print(mod_doc.Thing.__name__, type(mod_doc.Thing()).__name__)
print(mod_doc.documented(), mod_doc.plain(), mod_doc.Thing().method(), mod_doc.call_hidden())
print(hasattr(mod_doc, "hidden"), hasattr(mod_doc, "documented"))
names = [n for n in dir(mod_doc) if not n.startswith("_")]
print(sorted(names))
import mod_doc as again

print(again is mod_doc)
from mod_doc import plain

print(plain())
try:
    from mod_doc import missing_name
except ImportError as e:
    print("ImportError")

# a class without a docstring has __doc__ None, not its base's
print(mod_doc.Thing.__doc__, mod_doc.SubThing.__doc__, mod_doc.PyThing.__doc__)
print(mod_doc.PyDoc.__doc__, mod_doc.PyDocSub.__doc__)
