package io.otelier.builder.bundle;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Just enough of the class-file format (JVMS §4) to read what a factory's {@code type()} returns without
 * loading the class: the constant pool, the super class and each method's bytecode.
 */
final class ClassFile {

    private static final int MAGIC = 0xCAFEBABE;
    private static final int LDC = 0x12;
    private static final int LDC_W = 0x13;
    private static final int INVOKESTATIC = 0xb8;
    private static final int ARETURN = 0xb0;

    private final Object[] pool;
    private final int[] tags;
    private final String superName;
    private final Map<String, byte[]> code = new HashMap<>();

    private ClassFile(Object[] pool, int[] tags, String superName) {
        this.pool = pool;
        this.tags = tags;
        this.superName = superName;
    }

    static ClassFile parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two slots
                }
                case 7, 8, 16, 19, 20 -> pool[i] = in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> pool[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        int superIndex = in.readUnsignedShort();
        ClassFile cf = new ClassFile(pool, tags, null);
        String superName = superIndex == 0 ? null : cf.className(superIndex);
        cf = new ClassFile(pool, tags, superName);
        int interfaces = in.readUnsignedShort();
        in.skipBytes(2 * interfaces);
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort(); // access
            String name = (String) pool[in.readUnsignedShort()];
            String descriptor = (String) pool[in.readUnsignedShort()];
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = (String) pool[in.readUnsignedShort()];
                int length = in.readInt();
                if ("Code".equals(attribute)) {
                    in.readUnsignedShort(); // max_stack
                    in.readUnsignedShort(); // max_locals
                    byte[] body = new byte[in.readInt()];
                    in.readFully(body);
                    in.skipBytes(length - 8 - body.length);
                    cf.code.put(name + descriptor, body);
                } else {
                    in.skipBytes(length);
                }
            }
        }
        return cf;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }

    /** The super class in internal form ({@code java/lang/Object}), or null. */
    String superName() {
        return superName;
    }

    boolean declares(String name, String descriptor) {
        return code.containsKey(name + descriptor);
    }

    /**
     * The string constant a method returns when its whole body is {@code ldc "x"; areturn} — what javac emits
     * for {@code return "x";} and for returning a {@code static final String} constant.
     */
    Optional<String> returnedConstant(String name, String descriptor) {
        byte[] body = code.get(name + descriptor);
        if (body == null) {
            return Optional.empty();
        }
        return ldcString(body, 0).filter(l -> l.next() == body.length - 1 && (body[l.next()] & 0xff) == ARETURN)
                .map(Ldc::value);
    }

    /**
     * The string passed to a static {@code of} method whose result is returned — {@code return
     * Optional.of("x");}.
     */
    Optional<String> returnedOfConstant(String name, String descriptor, String ownerOfOf) {
        byte[] body = code.get(name + descriptor);
        if (body == null) {
            return Optional.empty();
        }
        return ldcString(body, 0).filter(l -> l.next() + 3 == body.length - 1
                && (body[l.next()] & 0xff) == INVOKESTATIC
                && ownerOfOf.equals(methodOwner(u2(body, l.next() + 1)))
                && (body[l.next() + 3] & 0xff) == ARETURN).map(Ldc::value);
    }

    private record Ldc(String value, int next) {
    }

    private Optional<Ldc> ldcString(byte[] body, int at) {
        if (body.length < at + 2) {
            return Optional.empty();
        }
        int op = body[at] & 0xff;
        int index;
        int next;
        if (op == LDC) {
            index = body[at + 1] & 0xff;
            next = at + 2;
        } else if (op == LDC_W && body.length >= at + 3) {
            index = u2(body, at + 1);
            next = at + 3;
        } else {
            return Optional.empty();
        }
        if (index <= 0 || index >= tags.length || tags[index] != 8) {
            return Optional.empty();
        }
        return Optional.of(new Ldc((String) pool[(Integer) pool[index]], next));
    }

    private String methodOwner(int methodRef) {
        if (methodRef <= 0 || methodRef >= tags.length || tags[methodRef] != 10) {
            return "";
        }
        return className(((int[]) pool[methodRef])[0]);
    }

    private String className(int classIndex) {
        if (tags[classIndex] != 7) {
            return "";
        }
        return (String) pool[(Integer) pool[classIndex]];
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
