/// Plausible, varied names for synthetic people, so generated programs read like a real roster in
/// reports and alerts. Names need not be unique; ids are.
enum NameBank {
    static let given = [
        "Aaliyah", "Adrian", "Aisha", "Alejandro", "Amara", "Andre", "Anjali", "Ben", "Camila", "Carlos", "Chloe",
        "Daniel", "Deepa", "Diego", "Elena", "Emeka", "Emily", "Fatima", "Gabriel", "Grace", "Hana", "Hassan",
        "Isabel", "Jamal", "Javier", "Jin", "Julia", "Kenji", "Leah", "Liam", "Lucia", "Malik", "Maya", "Mei",
        "Mohammed", "Nadia", "Noah", "Olivia", "Omar", "Priya", "Rafael", "Rosa", "Samuel", "Sara", "Sofia",
        "Tariq", "Thomas", "Valentina", "Wei", "Yusuf", "Zoe",
    ]
    static let family = [
        "Abernathy", "Adeyemi", "Alvarez", "Baker", "Bennett", "Brooks", "Castillo", "Chen", "Clarke", "Cohen",
        "Diaz", "Dubois", "Edwards", "Eriksen", "Fischer", "Flores", "Garcia", "Gupta", "Hansen", "Hayes", "Hoang",
        "Ibrahim", "Jackson", "Johansson", "Kaur", "Kim", "Kowalski", "Larsen", "Lee", "Mahmoud", "Martin",
        "Mendoza", "Murphy", "Nakamura", "Nguyen", "Novak", "Okafor", "Olsen", "Patel", "Petrov", "Quinn",
        "Ramirez", "Reddy", "Rossi", "Sato", "Schmidt", "Singh", "Sullivan", "Tanaka", "Torres", "Walsh", "Yilmaz",
    ]

    static func name(rng: inout SplitMix64) -> String {
        given[rng.below(given.count)] + " " + family[rng.below(family.count)]
    }
}
